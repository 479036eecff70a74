// Photos and files attached to an inspection result (检查结果附件): what a
// file may be, how big, how many per task, and what its name becomes. Pure
// rules; the bytes are judged by their content, never by what the client
// says they are.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "domain/accounts.h"
#include "domain/status.h"

namespace jg {

enum class AttachmentType { kJpeg, kPng, kWebp, kHeic, kPdf };

const char* AttachmentTypeName(AttachmentType t);     // "jpeg", …
const char* AttachmentMediaType(AttachmentType t);    // "image/jpeg", …
std::optional<AttachmentType> AttachmentTypeFromMedia(std::string_view media_type);

// The type told by the file's first bytes (magic numbers), nullopt for
// anything else: a file is accepted only as what its content proves it is.
std::optional<AttachmentType> SniffAttachmentType(std::string_view bytes);

struct AttachmentLimits {
  std::size_t max_bytes = 10u << 20;  // 10 MiB per file: a phone photo fits
  int max_per_task = 20;              // attachments in force (withdrawn ones do not count)
  std::size_t max_name_chars = 100;
};
inline constexpr AttachmentLimits kAttachmentLimits{};

// The stored file name: the last path part only, no control or bidi
// characters, trimmed, at most max_name_chars characters (the extension
// kept), ending in an extension of `type` (appended when missing or
// different), "附件" when nothing is left.
std::string NormalizeAttachmentName(std::string_view name, AttachmentType type,
                                    const AttachmentLimits& limits = kAttachmentLimits);

// The checks of a new attachment, in the order a person would fix them:
// not empty, not too large (attachment_too_large), a known type
// (attachment_type), room left on the task (too_many_attachments).
Result<AttachmentType> CheckNewAttachment(std::string_view bytes, int attachments_in_force,
                                          const AttachmentLimits& limits = kAttachmentLimits);

// One attachment as stored. `bytes` is filled only when downloading.
struct TaskAttachment {
  Id id = 0;
  Id task_id = 0;
  std::string file_name;
  std::string content_type;  // the sniffed media type
  std::int64_t size = 0;
  std::string sm3;  // lower-case hex of SM3 over the bytes
  std::string bytes;
  std::string uploaded_by;
  UnixSeconds uploaded_at = 0;
  UnixSeconds withdrawn_at = 0;  // 0 = in force
  std::string withdrawn_by;
  bool withdrawn() const { return withdrawn_at != 0; }
};

}  // namespace jg
