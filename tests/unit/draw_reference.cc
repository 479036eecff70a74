// Straight from docs/draw-algorithm.md; section numbers refer to it.
#include "draw_reference.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "domain/sm3.h"

namespace jg::draw::reference {
namespace {

const char kAlgorithm[] = "jianguan-draw-v1";

std::string Hex(const std::string& raw) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : raw) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  return c - 'a' + 10;
}

std::string Unhex(const std::string& hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    out += static_cast<char>(HexDigit(hex[i]) * 16 + HexDigit(hex[i + 1]));
  }
  return out;
}

// §2.1 free text.
std::string Escape(const std::string& s) {
  static const std::map<char, std::string> kEscapes = {
      {'\\', "\\\\"}, {'\t', "\\t"}, {'\n', "\\n"}, {'\r', "\\r"}};
  std::string out;
  for (char c : s) {
    auto it = kEscapes.find(c);
    out += it == kEscapes.end() ? std::string(1, c) : it->second;
  }
  return out;
}

std::string Unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    char c = s[++i];
    out += c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
  }
  return out;
}

// §2.1 list: byte order (std::string's < compares bytes as unsigned).
std::string List(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + v[i];
  return out;
}

std::string Ratio(std::uint32_t ppm) {
  std::string frac = std::to_string(ppm % 1000000);
  return std::to_string(ppm / 1000000) + "." + std::string(6 - frac.size(), '0') + frac;
}

std::string BigEndian(std::uint64_t x, int bytes) {
  std::string out;
  for (int i = bytes - 1; i >= 0; --i) out += static_cast<char>((x >> (8 * i)) & 0xff);
  return out;
}

// §3: a stream and its words; §4: UniformBelow.
class Stream {
 public:
  Stream(std::string key, std::string label) : key_(std::move(key)), label_(std::move(label)) {}

  std::uint64_t NextWord() {
    if (words_.empty()) {
      std::string block = Sm3Raw(key_ + BigEndian(label_.size(), 4) + label_ + BigEndian(i_++, 8));
      for (int w = 3; w >= 0; --w) {  // kept reversed: back() is the next word
        std::uint64_t x = 0;
        for (int b = 0; b < 8; ++b) x = x * 256 + static_cast<unsigned char>(block[w * 8 + b]);
        words_.push_back(x);
      }
    }
    std::uint64_t w = words_.back();
    words_.pop_back();
    return w;
  }

  std::uint64_t UniformBelow(std::uint64_t n) {
    const std::uint64_t t = (0 - n) % n;  // 2^64 mod n
    std::uint64_t w = NextWord();
    while (w < t) w = NextWord();
    return w % n;
  }

 private:
  std::string key_, label_;
  std::uint64_t i_ = 0;
  std::vector<std::uint64_t> words_;
};

std::string SelectionText(const Input& in) {
  std::vector<Rule> rules = in.rules;
  std::sort(rules.begin(), rules.end(),
            [](const Rule& a, const Rule& b) { return a.stratum < b.stratum; });
  std::string t;
  for (const Rule& r : rules) {
    t += "stratum\t" + r.stratum + "\t" +
         (r.by_ratio ? "ratio\t" + Ratio(r.ppm) : "count\t" + std::to_string(r.count)) + "\n";
  }
  return t;
}

std::string ParamsText(const Input& in) {
  std::string t = SelectionText(in);
  t += "plan\t" + Escape(in.plan) + "\n";
  t += "exclusions\t" + Escape(in.exclusions) + "\n";
  t += "items\t" + List(in.items) + "\n";
  t += "per_entity\t" + std::to_string(in.per_entity) + "\n";
  t += "workload_cap\t" + std::to_string(in.workload_cap) + "\n";
  t += std::string("cross_station\t") + (in.cross_station ? "1" : "0") + "\n";
  t += std::string("mixed_departments\t") + (in.mixed_departments ? "1" : "0") + "\n";
  std::map<std::string, const Inspector*> by_id;
  for (const auto& i : in.inspectors) by_id[i.id] = &i;
  for (const auto& [id, i] : by_id) {
    t += "inspector\t" + id + "\t" + i->department + "\t" + i->station + "\t" +
         std::to_string(i->workload) + "\t" + List(i->items) + "\n";
  }
  std::set<std::vector<std::string>> conflicts;
  for (const auto& c : in.conflicts) conflicts.insert({c.inspector_id, c.kind, c.value});
  for (const auto& c : conflicts) t += "conflict\t" + c[0] + "\t" + c[1] + "\t" + c[2] + "\n";
  return t;
}

std::uint64_t Count(const Rule& r, std::uint64_t size) {  // §5.2
  if (!r.by_ratio) return r.count;
  std::uint64_t n = (std::uint64_t{r.ppm} * size + 500000) / 1000000;
  if (r.ppm > 0 && size > 0 && n == 0) n = 1;
  return n;
}

// §6.1 (and §7.2 with `excluded`): candidates in byte order of id.
std::vector<const Inspector*> Candidates(const Input& in, const std::string& code,
                                         const std::string& station,
                                         const std::map<std::string, std::uint64_t>& workload,
                                         const std::set<std::string>& excluded) {
  std::map<std::string, const Inspector*> by_id;
  for (const auto& i : in.inspectors) by_id[i.id] = &i;
  std::vector<const Inspector*> out;
  for (const auto& [id, i] : by_id) {
    bool qualified = true;
    for (const auto& item : in.items) {
      if (std::find(i->items.begin(), i->items.end(), item) == i->items.end()) qualified = false;
    }
    bool conflicted = false;
    for (const auto& c : in.conflicts) {
      if (c.inspector_id != id) continue;
      if (c.kind == "entity" && c.value == code) conflicted = true;
      if (c.kind == "station" && c.value == station) conflicted = true;
    }
    if (in.cross_station && !i->station.empty() && i->station == station) conflicted = true;
    bool at_cap = in.workload_cap > 0 && workload.at(id) >= in.workload_cap;
    if (qualified && !conflicted && !at_cap && !excluded.count(id)) out.push_back(i);
  }
  return out;
}

}  // namespace

std::string Sm3Raw(const std::string& data) {
  return Unhex(Sm3Hex(data));
}

std::vector<std::uint64_t> UniformSequence(const std::string& key_raw, const std::string& label,
                                           std::uint64_t bound, int n) {
  Stream s(key_raw, label);
  std::vector<std::uint64_t> out;
  for (int i = 0; i < n; ++i) out.push_back(s.UniformBelow(bound));
  return out;
}

Output Run(const Input& in) {
  Output out;
  // §2.2
  std::vector<Entity> sorted = in.eligible;
  std::sort(sorted.begin(), sorted.end(),
            [](const Entity& a, const Entity& b) { return a.code < b.code; });
  std::string eligible_text;
  for (const Entity& e : sorted)
    eligible_text += e.code + "\t" + e.stratum + "\t" + e.station + "\n";
  const std::string E = Sm3Raw(eligible_text);
  const std::string S = Sm3Raw(SelectionText(in));
  const std::string P = Sm3Raw(ParamsText(in));
  out.E = Hex(E);
  out.S = Hex(S);
  out.P = Hex(P);
  // §2.5, §2.6
  std::string commitment = std::string("algorithm: ") + kAlgorithm + "\n";
  commitment += "eligible_count: " + std::to_string(in.eligible.size()) + "\n";
  commitment += "eligible_digest: " + out.E + "\n";
  commitment += "params_digest: " + out.P + "\n";
  commitment +=
      std::string("seed_mode: ") + (in.public_value ? "public-value" : "commit-reveal") + "\n";
  if (!in.public_value) {
    out.seed_commitment = Hex(Sm3Raw(in.seed));
    commitment += "seed_commitment: " + out.seed_commitment + "\n";
  }
  if (!in.seed_source.empty()) commitment += "seed_source: " + Escape(in.seed_source) + "\n";
  out.commitment_id = Hex(Sm3Raw(commitment));
  // §3
  const std::string k_select = Sm3Raw(kAlgorithm + E + S + in.seed);
  const std::string k_assign = Sm3Raw(kAlgorithm + E + P + in.seed);
  out.k_select = Hex(k_select);
  out.k_assign = Hex(k_assign);

  // §5: every rule is checked before any drawing.
  std::vector<Rule> rules = in.rules;
  std::sort(rules.begin(), rules.end(),
            [](const Rule& a, const Rule& b) { return a.stratum < b.stratum; });
  std::map<std::string, std::vector<Entity>> strata;  // canonical order within each
  for (const Entity& e : sorted) strata[e.stratum].push_back(e);
  for (const Rule& r : rules) {
    if (Count(r, strata[r.stratum].size()) > strata[r.stratum].size()) {
      out.failure = "stratum_too_small";
      out.failed_on = r.stratum;
      return out;
    }
  }
  for (const Rule& r : rules) {
    const std::vector<Entity>& entries = strata[r.stratum];
    const std::uint64_t size = entries.size(), count = Count(r, size);
    std::vector<std::uint64_t> a(size);
    for (std::uint64_t i = 0; i < size; ++i) a[i] = i;
    Stream stream(k_select, "select/" + r.stratum);
    for (std::uint64_t j = 0; j < count; ++j) {
      std::uint64_t x = j + stream.UniformBelow(size - j);
      std::swap(a[j], a[x]);
      const Entity& e = entries[a[j]];
      out.selected.push_back({e.code, e.stratum, e.station, {}});
    }
  }

  // §6
  std::map<std::string, std::uint64_t> workload;
  for (const auto& i : in.inspectors) workload[i.id] = i.workload;
  if (in.per_entity > 0) {
    Stream stream(k_assign, "assign");
    for (Selected& e : out.selected) {
      std::vector<const Inspector*> a = Candidates(in, e.code, e.station, workload, {});
      std::set<std::string> departments;
      for (const Inspector* i : a) departments.insert(i->department);
      if (a.size() < static_cast<std::size_t>(in.per_entity) ||
          (in.mixed_departments && departments.size() < 2)) {
        out.failure = "no_eligible_inspectors";
        out.failed_on = e.code;
        out.selected.clear();
        return out;
      }
      const std::uint64_t m = a.size();
      for (std::uint64_t t = 0; t < static_cast<std::uint64_t>(in.per_entity); ++t) {
        if (in.mixed_departments && t == 1) {
          std::vector<std::uint64_t> q;
          for (std::uint64_t p = 1; p < m; ++p) {
            if (a[p]->department != a[0]->department) q.push_back(p);
          }
          std::swap(a[1], a[q[stream.UniformBelow(q.size())]]);
        } else {
          std::swap(a[t], a[t + stream.UniformBelow(m - t)]);
        }
      }
      for (int t = 0; t < in.per_entity; ++t) {
        e.inspectors.push_back(a[t]->id);
        ++workload[a[t]->id];
      }
    }
  }

  // §7: recusal n, with recusals 1 … n−1 applied.
  std::map<std::string, std::string> department;
  for (const auto& i : in.inspectors) department[i.id] = i.department;
  std::map<std::string, std::vector<std::string>> current;
  std::map<std::string, std::string> station_of;
  for (const Selected& e : out.selected) {
    current[e.code] = e.inspectors;
    station_of[e.code] = e.station;
  }
  std::map<std::string, std::set<std::string>> recused;
  for (std::size_t n = 1; n <= in.recusals.size(); ++n) {
    const Recusal& req = in.recusals[n - 1];
    auto entity = current.find(req.code);
    if (entity == current.end() ||
        std::find(entity->second.begin(), entity->second.end(), req.inspector_id) ==
            entity->second.end()) {  // not a valid request: nothing to draw
      out.failure = entity == current.end() ? "entity_not_selected" : "inspector_not_assigned";
      out.failed_on = req.code;
      out.recusal_failed = true;
      return out;
    }
    std::map<std::string, std::uint64_t> load;
    for (const auto& i : in.inspectors) load[i.id] = i.workload;
    for (const auto& [code, set] : current) {
      for (const auto& id : set) ++load[id];
    }
    std::vector<std::string>& set = current[req.code];
    recused[req.code].insert(req.inspector_id);
    std::set<std::string> excluded(set.begin(), set.end());
    excluded.insert(recused[req.code].begin(), recused[req.code].end());
    std::vector<const Inspector*> cand =
        Candidates(in, req.code, station_of[req.code], load, excluded);
    if (in.mixed_departments) {
      std::set<std::string> others;
      for (const auto& id : set) {
        if (id != req.inspector_id) others.insert(department[id]);
      }
      if (others.size() == 1) {
        std::erase_if(cand, [&](const Inspector* i) { return i->department == *others.begin(); });
      }
    }
    if (cand.empty()) {
      out.failure = "no_eligible_inspectors";
      out.failed_on = req.code;
      out.recusal_failed = true;
      return out;
    }
    Stream stream(k_assign, "recuse/" + std::to_string(n));
    const std::string pick = cand[stream.UniformBelow(cand.size())]->id;
    *std::find(set.begin(), set.end(), req.inspector_id) = pick;
    out.replacements.push_back({req.code, req.inspector_id, pick});
  }
  return out;
}

namespace {

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out(1);
  for (char c : s) {
    if (c == sep) {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

std::vector<std::string> Items(const std::string& s) {
  return s.empty() ? std::vector<std::string>{} : Split(s, ',');
}

}  // namespace

RecordedFile ReadDrawFile(const std::string& text) {
  RecordedFile f;
  Input& in = f.input;
  std::map<std::string, std::string> header;
  std::string section;
  std::istringstream lines(text);
  std::string line;
  std::getline(lines, line);  // "jianguan-draw-v1"
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    if (line.front() == '[') {
      section = line;
      continue;
    }
    if (section.empty()) {  // header "key: value" or "key:"
      const std::size_t colon = line.find(':');
      header[line.substr(0, colon)] = colon + 1 < line.size() ? line.substr(colon + 2) : "";
      continue;
    }
    std::vector<std::string> row = Split(line, '\t');
    if (section == "[eligible]") {
      in.eligible.push_back({row[0], row[1], row[2]});
    } else if (section == "[strata]") {
      Rule r{row[0], row[1] == "ratio", 0, 0};
      if (r.by_ratio) {
        std::vector<std::string> parts = Split(row[2], '.');
        r.ppm = static_cast<std::uint32_t>(std::stoul(parts[0]) * 1000000 + std::stoul(parts[1]));
      } else {
        r.count = std::stoull(row[2]);
      }
      in.rules.push_back(r);
    } else if (section == "[inspectors]") {
      in.inspectors.push_back({row[0], row[1], row[2], std::stoull(row[3]), Items(row[4])});
    } else if (section == "[conflicts]") {
      in.conflicts.push_back({row[0], row[1], row[2]});
    } else if (section == "[result]") {
      f.result.push_back({row[0], row[1], row[2], Items(row[3])});
    } else if (section == "[recusals]") {
      in.recusals.push_back({row[1], row[2]});
      f.recusals.push_back({row[1], row[2], row[3]});
    }
  }
  f.commitment_id = header["commitment_id"];
  in.public_value = header["seed_mode"] == "public-value";
  in.seed_source = Unescape(header["seed_source"]);
  in.seed = Unhex(header["seed_hex"]);
  in.plan = Unescape(header["plan"]);
  in.exclusions = Unescape(header["exclusions"]);
  in.items = Items(header["items"]);
  in.per_entity = std::stoi(header["per_entity"]);
  in.workload_cap = std::stoull(header["workload_cap"]);
  in.cross_station = header["cross_station"] == "yes";
  in.mixed_departments = header["mixed_departments"] == "yes";
  return f;
}

}  // namespace jg::draw::reference
