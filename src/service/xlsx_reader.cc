#include "service/xlsx_reader.h"

#include <algorithm>
#include <map>
#include <optional>

#include <pugixml.hpp>

#include "service/xlsx_sheet.h"

namespace jg {
namespace {

Status Invalid(const std::string& why) {
  return InvalidArgument("xlsx_invalid", "无法读取 Excel 文件：" + why, "file");
}

pugi::xml_node Child(pugi::xml_node n, std::string_view local) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && Local(c.name()) == local) return c;
  return {};
}

// The relationship id attribute ("r:id", whatever the prefix is).
const char* RelId(pugi::xml_node n) {
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
    std::string_view name(a.name());
    if (name.size() > 3 && name.substr(name.size() - 3) == ":id") return a.value();
  }
  return "";
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

struct Part {
  std::string xml;  // parsed in place, so it must live as long as the document
  pugi::xml_document doc;
};

// A DOM node costs some 60 bytes, far more than the few bytes of markup
// (<c/>) that make one, so the elements of a part are capped before parsing.
Result<std::unique_ptr<Part>> LoadPart(ZipArchive& zip, const std::string& name,
                                       const XlsxLimits& limits) {
  auto part = std::make_unique<Part>();
  JG_ASSIGN_OR_RETURN(part->xml, zip.Read(name));
  const auto tags = static_cast<std::uint64_t>(std::count(part->xml.begin(), part->xml.end(), '<'));
  if (tags > limits.max_xml_elements)
    return InvalidArgument("xlsx_too_large",
                           "Excel 文件中的 " + name + " 超过 " +
                               std::to_string(limits.max_xml_elements) + " 个 XML 元素，请拆分后再导入",
                           "file");
  pugi::xml_parse_result r =
      part->doc.load_buffer_inplace(part->xml.data(), part->xml.size(), pugi::parse_default);
  if (!r)
    return Invalid(name + " 的 XML 格式错误（" + r.description() + "，第 " +
                   std::to_string(r.offset) + " 字节）");
  return part;
}

// "xl/workbook.xml" → "xl/_rels/workbook.xml.rels".
std::string RelsOf(const std::string& part) {
  const size_t slash = part.rfind('/');
  if (slash == std::string::npos) return "_rels/" + part + ".rels";
  return part.substr(0, slash + 1) + "_rels/" + part.substr(slash + 1) + ".rels";
}

// A relationship target resolved against the directory of the part that
// refers to it ("worksheets/sheet1.xml" from "xl/workbook.xml").
std::optional<std::string> Resolve(const std::string& from_part, std::string_view target) {
  std::vector<std::string> segs;
  std::string_view rest = target;
  if (!rest.empty() && rest[0] == '/') {
    rest.remove_prefix(1);
  } else {
    std::string_view dir(from_part);
    const size_t slash = dir.rfind('/');
    dir = slash == std::string_view::npos ? std::string_view() : dir.substr(0, slash);
    while (!dir.empty()) {
      const size_t s = dir.find('/');
      segs.emplace_back(dir.substr(0, s));
      dir = s == std::string_view::npos ? std::string_view() : dir.substr(s + 1);
    }
  }
  while (!rest.empty()) {
    const size_t s = rest.find('/');
    std::string_view seg = rest.substr(0, s);
    rest = s == std::string_view::npos ? std::string_view() : rest.substr(s + 1);
    if (seg.empty() || seg == ".") continue;
    if (seg == "..") {
      if (segs.empty()) return std::nullopt;
      segs.pop_back();
    } else {
      segs.emplace_back(seg);
    }
  }
  if (segs.empty()) return std::nullopt;
  std::string out;
  for (const auto& s : segs) out += (out.empty() ? "" : "/") + s;
  return out;
}

struct Rel {
  std::string type, target;
};

// The relationships of `part` by id, targets resolved; none if it has no .rels.
Result<std::map<std::string, Rel>> LoadRels(ZipArchive& zip, const std::string& part,
                                            const XlsxLimits& limits) {
  std::map<std::string, Rel> out;
  const std::string name = RelsOf(part);
  if (!zip.Has(name)) return out;
  JG_ASSIGN_OR_RETURN(auto rels, LoadPart(zip, name, limits));
  for (pugi::xml_node r : Child(rels->doc, "Relationships").children()) {
    if (Local(r.name()) != "Relationship") continue;
    if (std::string_view(r.attribute("TargetMode").value()) == "External") continue;
    auto target = Resolve(part, r.attribute("Target").value());
    if (target) out[r.attribute("Id").value()] = {r.attribute("Type").value(), *target};
  }
  return out;
}

Result<std::vector<std::string>> LoadSharedStrings(ZipArchive& zip, const std::string& name,
                                                   const XlsxLimits& limits) {
  std::vector<std::string> out;
  if (name.empty()) return out;
  JG_ASSIGN_OR_RETURN(auto sst, LoadPart(zip, name, limits));
  for (pugi::xml_node si : Child(sst->doc, "sst").children())
    if (Local(si.name()) == "si") out.push_back(ItemText(si));
  return out;
}

// Whether a number format shows a date: the built-in date formats (including
// the Chinese-locale ones), or a custom code with a year or day part outside
// quotes, escapes and [brackets].
bool IsDateFormat(int id, std::string_view code) {
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || id == 36 ||
      (id >= 50 && id <= 54) || id == 57 || id == 58)
    return true;
  bool quoted = false, bracket = false;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (quoted) { quoted = c != '"'; continue; }
    if (bracket) { bracket = c != ']'; continue; }
    if (c == '"') quoted = true;
    else if (c == '[') bracket = true;
    else if (c == '\\' || c == '_' || c == '*') ++i;  // the next character is literal
    else if (c == 'y' || c == 'Y' || c == 'd' || c == 'D') return true;
  }
  return false;
}

// For each cell style (the cell's s="N"), whether it formats a date.
Result<std::vector<bool>> LoadDateStyles(ZipArchive& zip, const std::string& name,
                                         const XlsxLimits& limits) {
  std::vector<bool> out;
  if (name.empty()) return out;
  JG_ASSIGN_OR_RETURN(auto styles, LoadPart(zip, name, limits));
  pugi::xml_node sheet = Child(styles->doc, "styleSheet");
  std::map<int, std::string> codes;
  for (pugi::xml_node f : Child(sheet, "numFmts").children())
    codes[f.attribute("numFmtId").as_int(-1)] = f.attribute("formatCode").value();
  for (pugi::xml_node xf : Child(sheet, "cellXfs").children()) {
    if (Local(xf.name()) != "xf") continue;
    const int id = xf.attribute("numFmtId").as_int(0);
    auto it = codes.find(id);
    out.push_back(IsDateFormat(id, it == codes.end() ? "" : it->second));
  }
  return out;
}

}  // namespace

bool LooksLikeZip(std::string_view bytes) { return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4); }

bool LooksLikeOleFile(std::string_view bytes) {
  return bytes.substr(0, 4) == std::string_view("\xD0\xCF\x11\xE0", 4);
}

Result<XlsxSheet> ReadXlsxFirstSheet(std::string_view bytes, const XlsxLimits& limits) {
  JG_ASSIGN_OR_RETURN(ZipArchive zip, ZipArchive::Open(bytes, limits.zip));
  // The package's own relationships name the workbook part.
  std::string workbook_name;
  JG_ASSIGN_OR_RETURN(auto root_rels, LoadRels(zip, "", limits));
  for (const auto& [id, rel] : root_rels)
    if (EndsWith(rel.type, "/officeDocument")) workbook_name = rel.target;
  if (workbook_name.empty()) {
    if (!zip.Has("xl/workbook.xml")) return Invalid("压缩包中没有工作簿（不是 .xlsx 文件）");
    workbook_name = "xl/workbook.xml";
  }
  JG_ASSIGN_OR_RETURN(auto workbook, LoadPart(zip, workbook_name, limits));
  JG_ASSIGN_OR_RETURN(auto rels, LoadRels(zip, workbook_name, limits));
  pugi::xml_node wb = Child(workbook->doc, "workbook");
  XlsxSheet out;
  std::string_view d1904 = Child(wb, "workbookPr").attribute("date1904").value();
  if (d1904 == "1" || d1904 == "true") out.date_system = ExcelDateSystem::k1904;
  std::string sheet_name;
  for (pugi::xml_node s : Child(wb, "sheets").children()) {
    if (Local(s.name()) != "sheet") continue;
    auto it = rels.find(RelId(s));
    if (it == rels.end() || !EndsWith(it->second.type, "/worksheet")) continue;  // e.g. a chart sheet
    sheet_name = it->second.target;
    out.name = s.attribute("name").value();
    break;
  }
  if (sheet_name.empty()) return Invalid("工作簿中没有工作表");
  std::string shared_name, styles_name;
  // Parts a workbook may do without: listed but absent counts as none (a cell
  // that then refers to a shared string fails, naming the cell).
  for (const auto& [id, rel] : rels) {
    if (!zip.Has(rel.target)) continue;
    if (EndsWith(rel.type, "/sharedStrings")) shared_name = rel.target;
    if (EndsWith(rel.type, "/styles")) styles_name = rel.target;
  }
  JG_ASSIGN_OR_RETURN(auto shared, LoadSharedStrings(zip, shared_name, limits));
  JG_ASSIGN_OR_RETURN(auto date_styles, LoadDateStyles(zip, styles_name, limits));
  JG_ASSIGN_OR_RETURN(auto sheet, LoadPart(zip, sheet_name, limits));
  pugi::xml_node data = Child(Child(sheet->doc, "worksheet"), "sheetData");
  JG_ASSIGN_OR_RETURN(XlsxSheet cells,
                      ReadSheetData(data, shared, date_styles, out.date_system, limits));
  out.rows = std::move(cells.rows);
  out.row_numbers = std::move(cells.row_numbers);
  return out;
}

}  // namespace jg
