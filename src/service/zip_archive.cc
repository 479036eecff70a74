#include "service/zip_archive.h"

#include <zip.h>

namespace jg {
namespace {

Status Invalid(const std::string& why) {
  return InvalidArgument("xlsx_invalid", "无法读取 Excel 文件：" + why, "file");
}

Status TooLarge(std::uint64_t cap) {
  return InvalidArgument("xlsx_too_large",
                         "Excel 文件解压后超过 " + std::to_string(cap >> 20) +
                             " MiB 上限（可能是压缩炸弹），请拆分后再导入",
                         "file");
}

}  // namespace

struct ZipArchive::Impl {
  zip_t* za = nullptr;
  std::uint64_t left = 0;  // bytes that may still be inflated
  std::uint64_t cap = 0;
  ~Impl() {
    if (za) zip_discard(za);
  }
};

ZipArchive::ZipArchive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ZipArchive::~ZipArchive() = default;
ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;

Result<ZipArchive> ZipArchive::Open(std::string_view bytes,
                                                     const ZipLimits& limits) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) {
    zip_error_fini(&err);
    return Internal("zip_source_buffer_create failed");
  }
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  if (!za) {
    zip_source_free(src);
    zip_error_fini(&err);
    return Invalid("不是有效的 ZIP 压缩包（文件可能已损坏或不完整）");
  }
  zip_error_fini(&err);
  auto impl = std::make_unique<Impl>();
  impl->za = za;
  impl->left = impl->cap = limits.max_uncompressed;
  const zip_int64_t n = zip_get_num_entries(za, 0);
  if (n < 0 || n > limits.max_entries)
    return Invalid("压缩包内的文件数超过 " + std::to_string(limits.max_entries) + " 个");
  std::uint64_t declared = 0;
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    if (zip_stat_index(za, static_cast<zip_uint64_t>(i), 0, &st) != 0)
      return Invalid("压缩包目录损坏");
    if (st.valid & ZIP_STAT_SIZE) {
      declared += st.size;
      if (st.size > limits.max_uncompressed || declared > limits.max_uncompressed)
        return TooLarge(limits.max_uncompressed);
    }
  }
  return ZipArchive(std::move(impl));
}

bool ZipArchive::Has(const std::string& name) const {
  return zip_name_locate(impl_->za, name.c_str(), ZIP_FL_NOCASE) >= 0;
}

Result<std::string> ZipArchive::Read(const std::string& name) {
  const zip_int64_t idx = zip_name_locate(impl_->za, name.c_str(), ZIP_FL_NOCASE);
  if (idx < 0) return Invalid("缺少 " + name);
  zip_file_t* f = zip_fopen_index(impl_->za, static_cast<zip_uint64_t>(idx), 0);
  if (!f) {
    const int ze = zip_error_code_zip(zip_get_error(impl_->za));
    if (ze == ZIP_ER_NOPASSWD || ze == ZIP_ER_WRONGPASSWD || ze == ZIP_ER_ENCRNOTSUPP)
      return Invalid("文件已加密，请取消密码保护后再导入");
    if (ze == ZIP_ER_COMPNOTSUPP) return Invalid(name + " 使用了不支持的压缩方式");
    return Invalid(name + " 无法解压");
  }
  std::string out;
  char buf[64 * 1024];
  for (;;) {
    const zip_int64_t got = zip_fread(f, buf, sizeof buf);
    if (got < 0) {
      zip_fclose(f);
      return Invalid(name + " 的压缩数据损坏");
    }
    if (got == 0) break;
    if (static_cast<std::uint64_t>(got) > impl_->left) {
      zip_fclose(f);
      return TooLarge(impl_->cap);
    }
    impl_->left -= static_cast<std::uint64_t>(got);
    out.append(buf, static_cast<size_t>(got));
  }
  zip_fclose(f);
  return out;
}

}  // namespace jg
