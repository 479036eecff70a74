// Properties of the random draw (双随机) over generated small inputs, checked
// against the document's guarantees directly and against the naive reference
// implementation (draw_reference.h). Inputs are kept small (≤ 200 entities,
// ≤ 30 inspectors) so the whole file runs in a few seconds under ASan.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "domain/draw/draw.h"
#include "draw_reference.h"

namespace jg::draw {
namespace {

namespace ref = reference;

// ---- generators ---------------------------------------------------------

// Credit-risk classes, unclassified, and a UTF-8 key (case-file sampling's
// strata are Chinese): byte order puts it after the ASCII ones.
const std::vector<std::string> kStrata = {"", "A", "B", "C", "D", "一般"};
const std::vector<std::string> kStations = {"", "JQ", "NX", "AT", "南翔"};
const std::vector<std::string> kDepartments = {"执法大队", "江桥所", "南翔所", "食品科"};
const std::vector<std::string> kItems = {"SP-01", "SP-02", "TS-01"};

template <typename T>
const T& OneOf(const std::vector<T>& v) {
  return v[*rc::gen::inRange<std::size_t>(0, v.size())];
}

// One entry from one generated number (cheap, and it shrinks towards short
// codes, the unclassified stratum and no station): credit codes of varied
// length and alphabet, so byte order differs from insertion and numeric order.
void AddGenEntry(Snapshot& s, std::set<std::string>& seen) {
  static const char kAlphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXYabz-_.~";
  static const char* const kPrefixes[] = {"", "91310114MA", "9131", "1", "Z"};
  std::uint64_t x = *rc::gen::inRange<std::uint64_t>(0, 1ull << 50);
  const std::string& stratum = kStrata[x % kStrata.size()];
  x /= kStrata.size();
  const std::string& station = kStations[x % kStations.size()];
  x /= kStations.size();
  std::string code = kPrefixes[x % 5];
  x /= 5;
  do {
    code += kAlphabet[x % (sizeof kAlphabet - 1)];
    x /= sizeof kAlphabet - 1;
  } while (x > 0);
  if (seen.insert(code).second) RC_ASSERT(s.Add(code, stratum, station).ok());
}

Snapshot GenSnapshot(int min_size, int max_size) {
  const int n = *rc::gen::inRange(min_size, max_size + 1);
  std::set<std::string> seen;
  Snapshot s;
  for (int i = 0; i < n; ++i) AddGenEntry(s, seen);
  return s;
}

std::map<std::string, std::uint64_t> StratumSizes(const Snapshot& s) {
  std::map<std::string, std::uint64_t> sizes;
  for (std::size_t i = 0; i < s.size(); ++i) ++sizes[std::string(s.stratum(i))];
  return sizes;
}

// A rule by count (mostly ≤ the stratum's size, sometimes one more) or by ratio.
StratumRule GenRule(const std::string& stratum, std::uint64_t size) {
  StratumRule r{stratum, *rc::gen::arbitrary<bool>(), 0, 0};
  if (r.by_ratio) {
    r.ratio_ppm = *rc::gen::weightedOneOf<std::uint32_t>(
        {{4, rc::gen::element<std::uint32_t>(0, 1, 50000, 100000, 250000, 333333, 500000, 1000000)},
         {1, rc::gen::inRange<std::uint32_t>(0, 1000001)}});
  } else {
    const std::uint64_t most = std::min<std::uint64_t>(size, 12);
    r.count = *rc::gen::weightedOneOf<std::uint64_t>(
        {{12, rc::gen::inRange<std::uint64_t>(0, most + 1)}, {1, rc::gen::just(size + 1)}});
  }
  return r;
}

std::vector<StratumRule> GenRules(const Snapshot& s) {
  const auto sizes = StratumSizes(s);
  std::vector<StratumRule> rules;
  for (const char* stratum : {"", "A", "B", "C", "D", "一般", "E"}) {
    if (*rc::gen::inRange(0, 4) == 0) continue;  // strata without a rule contribute nobody
    auto it = sizes.find(stratum);
    rules.push_back(GenRule(stratum, it == sizes.end() ? 0 : it->second));
  }
  if (rules.empty()) rules.push_back(GenRule("A", StratumSizes(s)["A"]));
  return rules;
}

std::vector<std::string> GenSubset(const std::vector<std::string>& of) {
  std::vector<std::string> out;
  for (const auto& x : of) {
    if (*rc::gen::inRange(0, 5) > 0) out.push_back(x);
  }
  return out;
}

std::string GenSeed(SeedMode mode) {
  if (mode == SeedMode::kPublicValue) {  // lottery numbers as text
    std::string s;
    for (int i = 0; i < 6; ++i) s += std::to_string(*rc::gen::inRange(1, 34)) + " ";
    return s + "+ " + std::to_string(*rc::gen::inRange(1, 17));
  }
  const int n = *rc::gen::inRange(16, 41);
  std::string seed;
  for (int i = 0; i < n; ++i) seed += static_cast<char>(*rc::gen::inRange(0, 256));
  return seed;
}

struct Case {
  DrawInput input;
  SeedMode mode = SeedMode::kCommitReveal;
  // Recusals to attempt after the draw: (entity, inspector) picked modulo the
  // current result, so they always name an assigned inspector.
  std::vector<std::pair<std::size_t, std::size_t>> recusals;
};

// `min_entities`: a lower bound on the snapshot (for draws that are not forced).
Case GenCase(int min_entities = 0) {
  Case c;
  DrawInput& in = c.input;
  in.eligible = GenSnapshot(min_entities, 200);
  in.params.plan =
      *rc::gen::element<std::string>("2024年第一批", "plan\twith\\escapes\nand CR\r", "");
  in.params.exclusions = *rc::gen::element<std::string>("已注销", "");
  in.params.items = GenSubset({"SP-01", "SP-02"});
  in.params.strata = GenRules(in.eligible);
  c.mode = *rc::gen::element(SeedMode::kCommitReveal, SeedMode::kPublicValue);
  in.seed = GenSeed(c.mode);
  if (c.mode == SeedMode::kPublicValue || *rc::gen::arbitrary<bool>()) {
    in.seed_source = "上海福利彩票\t开奖号码";
  }
  if (*rc::gen::inRange(0, 6) == 0) {  // selection only: no pool at all
    in.params.per_entity = kSelectionOnly;
    return c;
  }
  in.params.per_entity = *rc::gen::inRange(2, 5);
  in.params.workload_cap = *rc::gen::element<std::uint64_t>(0, 0, 1, 2, 3, 5, 8);
  in.params.cross_station = *rc::gen::arbitrary<bool>();
  in.params.mixed_departments = *rc::gen::arbitrary<bool>();
  const int inspectors = *rc::gen::inRange(0, 31);
  std::set<std::string> ids;
  for (int i = 0; i < inspectors; ++i) {
    std::string id = *rc::gen::element<std::string>("JD", "JQ", "NX", "SP", "甲") +
                     std::to_string(*rc::gen::inRange(0, 1000));
    if (!ids.insert(id).second) continue;
    in.inspectors.push_back({id, OneOf(kDepartments), OneOf(kStations), GenSubset(kItems),
                             *rc::gen::inRange<std::uint64_t>(0, 5)});
  }
  std::set<std::tuple<std::string, ConflictKind, std::string>> conflicts;
  const int n_conflicts = in.inspectors.empty() ? 0 : *rc::gen::inRange(0, 16);
  for (int i = 0; i < n_conflicts; ++i) {
    const Inspector& who = OneOf(in.inspectors);
    Conflict x{who.id, *rc::gen::element(ConflictKind::kEntity, ConflictKind::kStation), ""};
    if (x.kind == ConflictKind::kStation) {
      x.value = *rc::gen::element<std::string>("JQ", "NX", "AT", "南翔");
    } else if (in.eligible.size() > 0 && *rc::gen::inRange(0, 8) > 0) {
      x.value =
          std::string(in.eligible.code(*rc::gen::inRange<std::size_t>(0, in.eligible.size())));
    } else {
      x.value = "NOT-IN-THE-SNAPSHOT";
    }
    if (conflicts.insert({x.inspector_id, x.kind, x.value}).second) in.conflicts.push_back(x);
  }
  // Sometimes all on one entity, until its pool runs out (§7: nobody recused
  // from it comes back).
  const int n_recusals = *rc::gen::inRange(0, 9);
  const bool one_entity = *rc::gen::inRange(0, 3) == 0;
  for (int i = 0; i < n_recusals; ++i) {
    c.recusals.push_back({one_entity ? 0 : *rc::gen::inRange<std::size_t>(0, 1000),
                          *rc::gen::inRange<std::size_t>(0, 10)});
  }
  return c;
}

// ---- running both implementations --------------------------------------

struct EngineRun {
  DrawCommitment commitment;
  Status status = Status::Ok();  // of RunDraw
  DrawResult result;
  std::vector<ref::Recusal> requests;  // the recusals made (the last one may have failed)
  Status recusal_status = Status::Ok();
};

EngineRun RunEngine(const Case& c) {
  EngineRun run;
  auto commitment = Commit(c.input, c.mode);
  RC_ASSERT(commitment.ok());  // generated inputs are valid
  run.commitment = *commitment;
  auto r = RunDraw(c.input, run.commitment);
  if (!r.ok()) {
    run.status = r.status();
    return run;
  }
  run.result = *r;
  for (std::size_t n = 0;
       n < c.recusals.size() && !run.result.selected.empty() && c.input.params.per_entity > 0;
       ++n) {
    const std::size_t e = c.recusals[n].first % run.result.selected.size();
    const std::vector<std::string> current = CurrentInspectors(run.result, e);
    const std::string& code = run.result.selected[e].credit_code;
    const std::string who = current[c.recusals[n].second % current.size()];
    run.requests.push_back({code, who});
    auto rep = Recuse(c.input, run.result, code, who, static_cast<int>(n + 1));
    if (!rep.ok()) {
      run.recusal_status = rep.status();
      break;
    }
    run.result.replacements.push_back(*rep);
  }
  return run;
}

ref::Input ToReference(const Case& c, const std::vector<ref::Recusal>& recusals) {
  const DrawInput& in = c.input;
  ref::Input r;
  for (std::size_t i = 0; i < in.eligible.size(); ++i) {
    r.eligible.push_back({std::string(in.eligible.code(i)), std::string(in.eligible.stratum(i)),
                          std::string(in.eligible.station(i))});
  }
  for (const auto& s : in.params.strata) {
    r.rules.push_back({s.stratum, s.by_ratio, s.count, s.ratio_ppm});
  }
  r.plan = in.params.plan;
  r.exclusions = in.params.exclusions;
  r.items = in.params.items;
  r.per_entity = in.params.per_entity;
  r.workload_cap = in.params.workload_cap;
  r.cross_station = in.params.cross_station;
  r.mixed_departments = in.params.mixed_departments;
  for (const auto& i : in.inspectors) {
    r.inspectors.push_back({i.id, i.department, i.station, i.workload, i.items});
  }
  for (const auto& x : in.conflicts) {
    r.conflicts.push_back({x.inspector_id, std::string(ConflictKindName(x.kind)), x.value});
  }
  r.public_value = c.mode == SeedMode::kPublicValue;
  r.seed = in.seed;
  r.seed_source = in.seed_source;
  r.recusals = recusals;
  return r;
}

// How the engine's failure message names the stratum or entity at fault.
std::string Named(const std::string& failure, const std::string& on) {
  if (failure == "stratum_too_small") return on.empty() ? "分层未分类" : "分层“" + on + "”";
  return "主体“" + on + "”";
}

// ---- properties ---------------------------------------------------------

RC_GTEST_PROP(DrawProperty, EngineAgreesWithTheReference, ()) {
  const Case c = GenCase();
  const EngineRun run = RunEngine(c);
  const ref::Output want = ref::Run(ToReference(c, run.requests));
  RC_TAG(want.failure.empty() ? "ok" : want.failure + (want.recusal_failed ? " (recusal)" : ""));
  RC_TAG(c.input.params.per_entity == kSelectionOnly ? "selection only"
         : want.replacements.empty()                 ? "no replacement"
                                                     : "replacements");

  RC_ASSERT(run.commitment.eligible_digest == want.E);
  RC_ASSERT(run.commitment.params_digest == want.P);
  RC_ASSERT(run.commitment.seed_commitment == want.seed_commitment);
  RC_ASSERT(CommitmentId(run.commitment) == want.commitment_id);
  if (!want.failure.empty() && !want.recusal_failed) {
    RC_ASSERT(!run.status.ok());
    RC_ASSERT(run.status.reason() == want.failure);
    RC_ASSERT(run.status.message().find(Named(want.failure, want.failed_on)) != std::string::npos);
    return;
  }
  RC_ASSERT(run.status.ok());
  RC_ASSERT(run.result.selected.size() == want.selected.size());
  for (std::size_t i = 0; i < want.selected.size(); ++i) {
    RC_ASSERT(run.result.selected[i].credit_code == want.selected[i].code);
    RC_ASSERT(run.result.selected[i].stratum == want.selected[i].stratum);
    RC_ASSERT(run.result.selected[i].station == want.selected[i].station);
    RC_ASSERT(run.result.selected[i].inspectors == want.selected[i].inspectors);
  }
  RC_ASSERT(run.result.replacements.size() == want.replacements.size());
  for (std::size_t n = 0; n < want.replacements.size(); ++n) {
    RC_ASSERT(run.result.replacements[n].replacement == want.replacements[n].replacement);
  }
  RC_ASSERT(run.recusal_status.ok() == !want.recusal_failed);
  if (want.recusal_failed) {
    RC_ASSERT(run.recusal_status.reason() == want.failure);
    RC_ASSERT(run.recusal_status.message().find(Named(want.failure, want.failed_on)) !=
              std::string::npos);
  }
}

// The plan's constraints, checked on the engine's result without the
// reference: counts, eligibility, inspectors, conflicts, departments, caps.
void CheckConstraints(const DrawInput& in, const DrawResult& r) {
  const auto sizes = StratumSizes(in.eligible);
  std::map<std::string, std::pair<std::string, std::string>> eligible;  // code → stratum, station
  for (std::size_t i = 0; i < in.eligible.size(); ++i) {
    eligible[std::string(in.eligible.code(i))] = {std::string(in.eligible.stratum(i)),
                                                  std::string(in.eligible.station(i))};
  }
  std::map<std::string, const Inspector*> pool;
  for (const auto& i : in.inspectors) pool[i.id] = &i;
  std::map<std::string, std::uint64_t> per_stratum, assigned;
  std::set<std::string> codes;
  for (std::size_t e = 0; e < r.selected.size(); ++e) {
    const SelectedEntity& s = r.selected[e];
    RC_ASSERT(codes.insert(s.credit_code).second);   // no entity twice
    RC_ASSERT(eligible.count(s.credit_code) == 1u);  // only eligible entities
    RC_ASSERT(eligible[s.credit_code] == std::make_pair(s.stratum, s.station));
    ++per_stratum[s.stratum];
    const std::vector<std::string> set = CurrentInspectors(r, e);
    RC_ASSERT(set.size() == static_cast<std::size_t>(in.params.per_entity));
    RC_ASSERT(std::set<std::string>(set.begin(), set.end()).size() == set.size());
    std::set<std::string> departments;
    for (const auto& id : set) {
      RC_ASSERT(pool.count(id) == 1u);
      const Inspector& i = *pool[id];
      departments.insert(i.department);
      ++assigned[id];
      for (const auto& item : in.params.items) {
        RC_ASSERT(std::find(i.items.begin(), i.items.end(), item) != i.items.end());
      }
      for (const auto& x : in.conflicts) {
        if (x.inspector_id != id) continue;
        RC_ASSERT(!(x.kind == ConflictKind::kEntity && x.value == s.credit_code));
        RC_ASSERT(!(x.kind == ConflictKind::kStation && x.value == s.station));
      }
      if (in.params.cross_station && !s.station.empty()) RC_ASSERT(i.station != s.station);
    }
    if (in.params.mixed_departments) RC_ASSERT(departments.size() >= 2u);
  }
  for (const auto& rule : in.params.strata) {
    auto it = sizes.find(rule.stratum);
    RC_ASSERT(per_stratum[rule.stratum] == StratumCount(rule, it == sizes.end() ? 0 : it->second));
    per_stratum.erase(rule.stratum);
  }
  for (const auto& [stratum, n] : per_stratum) RC_ASSERT(n == 0u);  // no rule, nobody
  if (in.params.workload_cap > 0) {
    for (const auto& [id, n] : assigned)
      RC_ASSERT(pool[id]->workload + n <= in.params.workload_cap);
  }
}

RC_GTEST_PROP(DrawProperty, ResultRespectsEveryConstraint, ()) {
  const Case c = GenCase();
  const EngineRun run = RunEngine(c);
  RC_TAG(run.status.ok() ? "ok" : run.status.reason());
  RC_PRE(run.status.ok());
  CheckConstraints(c.input, run.result);  // with the recusals applied
}

// stratum_too_small exactly when some rule asks for more than its stratum
// holds, naming the first such stratum in byte order; never a partial result.
RC_GTEST_PROP(DrawProperty, StratumTooSmallExactlyWhenARuleCannotBeMet, ()) {
  const Case c = GenCase();
  const auto sizes = StratumSizes(c.input.eligible);
  std::map<std::string, bool> too_small;  // byte order of the stratum
  for (const auto& rule : c.input.params.strata) {
    auto it = sizes.find(rule.stratum);
    const std::uint64_t size = it == sizes.end() ? 0 : it->second;
    too_small[rule.stratum] = StratumCount(rule, size) > size;
  }
  auto first = std::find_if(too_small.begin(), too_small.end(), [](auto& kv) { return kv.second; });
  RC_TAG(first == too_small.end() ? "enough" : "too small");
  const EngineRun run = RunEngine(c);
  if (first == too_small.end()) {
    RC_ASSERT(run.status.reason() != "stratum_too_small");
    return;
  }
  RC_ASSERT(run.status.reason() == "stratum_too_small");
  RC_ASSERT(run.status.message().find(Named("stratum_too_small", first->first)) !=
            std::string::npos);
  RC_ASSERT(run.result.selected.empty());
}

RC_GTEST_PROP(DrawProperty, SameInputsGiveTheSameDraw, ()) {
  const Case c = GenCase();
  const EngineRun a = RunEngine(c);
  // The same input built in another order: snapshot reversed, pool and conflicts reversed.
  Case d = c;
  d.input.eligible = Snapshot();
  for (std::size_t i = c.input.eligible.size(); i-- > 0;) {
    RC_ASSERT(
        d.input.eligible
            .Add(c.input.eligible.code(i), c.input.eligible.stratum(i), c.input.eligible.station(i))
            .ok());
  }
  std::reverse(d.input.inspectors.begin(), d.input.inspectors.end());
  std::reverse(d.input.conflicts.begin(), d.input.conflicts.end());
  std::reverse(d.input.params.strata.begin(), d.input.params.strata.end());
  for (const Case* x : {&c, static_cast<const Case*>(&d)}) {
    const EngineRun b = RunEngine(*x);
    RC_ASSERT(CommitmentId(a.commitment) == CommitmentId(b.commitment));
    RC_ASSERT(a.status.reason() == b.status.reason());
    RC_ASSERT(a.status.message() == b.status.message());
    RC_ASSERT(a.result.selected.size() == b.result.selected.size());
    for (std::size_t i = 0; i < a.result.selected.size(); ++i) {
      RC_ASSERT(a.result.selected[i].credit_code == b.result.selected[i].credit_code);
      RC_ASSERT(a.result.selected[i].inspectors == b.result.selected[i].inspectors);
    }
    RC_ASSERT(a.requests.size() == b.requests.size());
    RC_ASSERT(a.result.replacements.size() == b.result.replacements.size());
    for (std::size_t n = 0; n < a.result.replacements.size(); ++n) {
      RC_ASSERT(a.result.replacements[n].replacement == b.result.replacements[n].replacement);
    }
  }
}

// log2 of the number of ordered outcomes of the selection: Π size!/(size−count)!,
// over every stratum but `except`.
double OutcomeBits(const DrawInput& in, const std::string* except = nullptr) {
  const auto sizes = StratumSizes(in.eligible);
  double bits = 0;
  for (const auto& rule : in.params.strata) {
    if (except && rule.stratum == *except) continue;
    auto it = sizes.find(rule.stratum);
    const std::uint64_t size = it == sizes.end() ? 0 : it->second;
    const std::uint64_t count = StratumCount(rule, size);
    for (std::uint64_t j = 0; j < count && count <= size; ++j) bits += std::log2(double(size - j));
  }
  return bits;
}

// A draw that is far from forced (≥ 2^40 equally likely ordered selections):
// a change of input that the document says re-keys the selection must change
// it, save with probability ≤ 2^-40. (With only a few outcomes, e.g. 1 of 2,
// an unchanged selection is legitimate, so those draws are not used.)
Case GenOpenCase() {
  Case c = GenCase(60);
  c.input.params.strata.clear();  // every stratum, a third to two thirds of it
  for (const std::string& stratum : kStrata) {
    c.input.params.strata.push_back(
        {stratum, true, 0, *rc::gen::element<std::uint32_t>(333333, 500000, 666667)});
  }
  return c;
}

std::vector<std::string> SelectedCodes(const EngineRun& run, const std::string* except = nullptr) {
  std::vector<std::string> codes;
  for (const auto& s : run.result.selected) {
    if (!except || s.stratum != *except) codes.push_back(s.credit_code);
  }
  return codes;
}

// Selection only, so that an inspector shortage cannot mask the comparison.
void SelectionOnly(DrawInput& in) {
  in.params.per_entity = kSelectionOnly;
  in.inspectors.clear();
  in.conflicts.clear();
  in.params.cross_station = in.params.mixed_departments = false;
}

RC_GTEST_PROP(DrawProperty, AnyChangeOfASeedByteChangesTheSelection, ()) {
  Case c = GenOpenCase();
  SelectionOnly(c.input);
  RC_PRE(OutcomeBits(c.input) >= 40.0);
  const EngineRun a = RunEngine(c);
  RC_ASSERT(a.status.ok());
  const std::size_t at = *rc::gen::inRange<std::size_t>(0, c.input.seed.size());
  c.input.seed[at] = static_cast<char>(c.input.seed[at] ^ *rc::gen::inRange(1, 256));
  const EngineRun b = RunEngine(c);
  RC_ASSERT(b.status.ok());
  RC_ASSERT(SelectedCodes(a) != SelectedCodes(b));
}

// The eligible list keys the whole selection (K_select includes E): even the
// strata the change does not touch are drawn afresh, not merely shifted.
RC_GTEST_PROP(DrawProperty, AddingOrRemovingAnEntityChangesTheSelection, ()) {
  Case c = GenOpenCase();
  SelectionOnly(c.input);
  const Snapshot before = c.input.eligible;
  const bool add = *rc::gen::arbitrary<bool>();
  const std::size_t drop = add ? before.size() : *rc::gen::inRange<std::size_t>(0, before.size());
  const std::string changed = add ? OneOf(kStrata) : std::string(before.stratum(drop));
  RC_PRE(OutcomeBits(c.input, &changed) >= 40.0);
  const EngineRun a = RunEngine(c);
  RC_ASSERT(a.status.ok());
  c.input.eligible = Snapshot();
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (i != drop)
      RC_ASSERT(c.input.eligible.Add(before.code(i), before.stratum(i), before.station(i)).ok());
  }
  // Generated codes never contain the lower-case letters of this one.
  if (add) RC_ASSERT(c.input.eligible.Add("NEW~entity", changed, OneOf(kStations)).ok());
  RC_TAG(add ? "added" : "removed");
  const EngineRun b = RunEngine(c);
  RC_ASSERT(b.status.ok());
  RC_ASSERT(a.commitment.eligible_digest != b.commitment.eligible_digest);
  RC_ASSERT(SelectedCodes(a, &changed) != SelectedCodes(b, &changed));
}

}  // namespace
}  // namespace jg::draw
