#include "domain/task_attachment.h"

#include <array>
#include <vector>

#include "domain/utf8.h"

namespace jg {
namespace {

struct TypeInfo {
  AttachmentType type;
  const char* name;
  const char* media;
  std::array<const char*, 3> extensions;  // first one is appended when missing
};

constexpr std::array<TypeInfo, 5> kTypes = {{
    {AttachmentType::kJpeg, "jpeg", "image/jpeg", {".jpg", ".jpeg", ".jpe"}},
    {AttachmentType::kPng, "png", "image/png", {".png", nullptr, nullptr}},
    {AttachmentType::kWebp, "webp", "image/webp", {".webp", nullptr, nullptr}},
    {AttachmentType::kHeic, "heic", "image/heic", {".heic", ".heif", nullptr}},
    {AttachmentType::kPdf, "pdf", "application/pdf", {".pdf", nullptr, nullptr}},
}};

const TypeInfo& Info(AttachmentType t) {
  for (const auto& i : kTypes)
    if (i.type == t) return i;
  return kTypes[0];
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i)
    if (LowerAscii(s[s.size() - suffix.size() + i]) != suffix[i]) return false;
  return true;
}

// Code points of valid UTF-8 (invalid bytes are dropped one at a time).
std::vector<std::string> CodePoints(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size() || !IsValidUtf8(s.substr(i, n))) {
      ++i;
      continue;
    }
    out.emplace_back(s.substr(i, n));
    i += n;
  }
  return out;
}

std::uint32_t CodePointOf(const std::string& ch) {
  const auto b = [&](size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(ch[i])); };
  switch (ch.size()) {
    case 1: return b(0);
    case 2: return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    case 3: return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    default: return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
  }
}

// Control characters, and the bidi controls that make "gpj.exe" read as
// "exe.jpg" on screen.
bool Unwanted(std::uint32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x200E && cp <= 0x200F) ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

}  // namespace

const char* AttachmentTypeName(AttachmentType t) { return Info(t).name; }
const char* AttachmentMediaType(AttachmentType t) { return Info(t).media; }

std::optional<AttachmentType> AttachmentTypeFromMedia(std::string_view media_type) {
  for (const auto& i : kTypes)
    if (media_type == i.media) return i.type;
  return std::nullopt;
}

std::optional<AttachmentType> SniffAttachmentType(std::string_view b) {
  if (StartsWith(b, "\xFF\xD8\xFF")) return AttachmentType::kJpeg;
  if (StartsWith(b, "\x89PNG\r\n\x1A\n")) return AttachmentType::kPng;
  if (StartsWith(b, "%PDF-")) return AttachmentType::kPdf;
  if (b.size() >= 12 && StartsWith(b, "RIFF") && b.substr(8, 4) == "WEBP")
    return AttachmentType::kWebp;
  // ISO base media file: size, "ftyp", then the major brand of HEIF stills.
  if (b.size() >= 12 && b.substr(4, 4) == "ftyp") {
    const std::string_view brand = b.substr(8, 4);
    if (brand == "heic" || brand == "heix" || brand == "mif1" || brand == "msf1")
      return AttachmentType::kHeic;
  }
  return std::nullopt;
}

std::string NormalizeAttachmentName(std::string_view name, AttachmentType type,
                                    const AttachmentLimits& limits) {
  if (auto slash = name.find_last_of("/\\"); slash != std::string_view::npos)
    name = name.substr(slash + 1);
  std::vector<std::string> chars;
  for (auto& ch : CodePoints(name))
    if (!Unwanted(CodePointOf(ch))) chars.push_back(std::move(ch));
  // No leading dots (hidden files, "..") nor spaces; no trailing dots or spaces.
  size_t from = 0, to = chars.size();
  while (from < to && (chars[from] == " " || chars[from] == ".")) ++from;
  while (to > from && (chars[to - 1] == " " || chars[to - 1] == ".")) --to;
  std::string stem, ext;
  for (size_t i = from; i < to; ++i) stem += chars[i];

  const TypeInfo& info = Info(type);
  bool has_ext = false;
  for (const char* e : info.extensions) {
    if (e && EndsWithNoCase(stem, e)) {
      ext = stem.substr(stem.size() - std::string_view(e).size());
      stem.resize(stem.size() - ext.size());
      has_ext = true;
      break;
    }
  }
  if (!has_ext) ext = info.extensions[0];
  if (stem.empty()) stem = "附件";
  // Cut the stem, not the extension, to the length cap.
  const size_t ext_chars = Utf8Length(ext);
  const size_t keep = limits.max_name_chars > ext_chars ? limits.max_name_chars - ext_chars : 1;
  if (Utf8Length(stem) > keep) {
    auto cps = CodePoints(stem);
    stem.clear();
    for (size_t i = 0; i < keep; ++i) stem += cps[i];
  }
  return stem + ext;
}

Result<AttachmentType> CheckNewAttachment(std::string_view bytes, int attachments_in_force,
                                          const AttachmentLimits& limits) {
  if (bytes.empty()) return InvalidArgument("attachment_empty", "文件为空", "file");
  if (bytes.size() > limits.max_bytes)
    return InvalidArgument("attachment_too_large",
                           "单个附件不能超过 " + std::to_string(limits.max_bytes >> 20) + " MB",
                           "file");
  auto type = SniffAttachmentType(bytes);
  if (!type)
    return InvalidArgument("attachment_type", "只能上传 JPEG、PNG、WebP、HEIC 图片或 PDF 文件",
                           "file");
  if (attachments_in_force >= limits.max_per_task)
    return FailedPrecondition("too_many_attachments",
                              "每个检查任务最多 " + std::to_string(limits.max_per_task) + " 个附件",
                              "file");
  return *type;
}

}  // namespace jg
