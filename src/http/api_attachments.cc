// /api/v1/inspection-tasks/{id}/attachments: photos and files of a result.
// Uploads are the file's raw bytes (no multipart); the type is the one the
// bytes prove (domain/task_attachment.h), whatever Content-Type says.
#include "http/api.h"

namespace jg::http {
namespace {

nlohmann::json ToJson(const TaskAttachment& a) {
  return {{"id", a.id},
          {"task_id", a.task_id},
          {"file_name", a.file_name},
          {"content_type", a.content_type},
          {"size", a.size},
          {"sm3", a.sm3},
          {"uploaded_by", a.uploaded_by},
          {"uploaded_at", a.uploaded_at},
          {"withdrawn", a.withdrawn()},
          {"withdrawn_at", a.withdrawn_at},
          {"withdrawn_by", a.withdrawn_by},
          {"url", "/api/v1/inspection-tasks/" + std::to_string(a.task_id) + "/attachments/" +
                      std::to_string(a.id)}};
}

// RFC 6266 with RFC 5987's filename*: an ASCII stand-in for old clients, the
// real (Chinese) name percent-encoded in UTF-8 for the others.
std::string ContentDisposition(const std::string& name) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string ascii, encoded;
  for (unsigned char c : name) {
    const bool attr_char = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                           (c >= '0' && c <= '9') || std::string_view("!#$&+-.^_`|~").find(c) !=
                                                         std::string_view::npos;
    if (attr_char) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 0xF];
    }
    // One '_' per character that is not plain ASCII (UTF-8 continuation bytes add none).
    if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') ascii += static_cast<char>(c);
    else if ((c & 0xC0) != 0x80) ascii += '_';
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace

void RegisterAttachmentRoutes(Router& r, Services& s) {
  r.Add("GET", "/api/v1/inspection-tasks/{id}/attachments", Access::kSession, [&s](Request& req) {
    auto id = req.IdParam("id");
    if (!id) return Error(404, "task_not_found", "检查任务不存在");
    auto res = s.plans.Attachments(req.actor(), *id);
    if (!res.ok()) return Error(res.status());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& a : *res) items.push_back(ToJson(a));
    return Json(200, {{"items", items}});
  });

  // ?name= the file's name as the person chose it (normalised on the way in).
  r.Add(
      "POST", "/api/v1/inspection-tasks/{id}/attachments", Access::kSession,
      [&s](Request& req) {
        auto id = req.IdParam("id");
        if (!id) return Error(404, "task_not_found", "检查任务不存在");
        auto name = req.query.find("name");
        auto res = s.plans.AddAttachment(req.actor(), *id,
                                         name == req.query.end() ? "" : name->second, req.body);
        if (!res.ok()) return Error(res.status());
        return Json(201, ToJson(*res));
      },
      BodyKind::kRaw);

  r.Add("GET", "/api/v1/inspection-tasks/{id}/attachments/{aid}", Access::kSession,
        [&s](Request& req) {
          auto id = req.IdParam("id");
          auto aid = req.IdParam("aid");
          if (!id || !aid) return Error(404, "attachment_not_found", "附件不存在");
          auto res = s.plans.Attachment(req.actor(), *id, *aid);
          if (!res.ok()) return Error(res.status());
          Response out;
          out.content_type = res->content_type;  // sniffed at upload; nosniff is on every response
          out.body = std::move(res->bytes);
          out.headers.emplace_back("Content-Disposition", ContentDisposition(res->file_name));
          return out;
        });

  r.Add("DELETE", "/api/v1/inspection-tasks/{id}/attachments/{aid}", Access::kSession,
        [&s](Request& req) {
          auto id = req.IdParam("id");
          auto aid = req.IdParam("aid");
          if (!id || !aid) return Error(404, "attachment_not_found", "附件不存在");
          auto res = s.plans.WithdrawAttachment(req.actor(), *id, *aid);
          if (!res.ok()) return Error(res.status());
          return Json(200, ToJson(*res));
        });
}

}  // namespace jg::http
