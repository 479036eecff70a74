// The rules of inspection-result attachments: type by content, limits, and
// the stored file name.
#include "domain/task_attachment.h"

#include <gtest/gtest.h>

namespace jg {
namespace {

const std::string kJpeg("\xFF\xD8\xFF\xE0\x00\x10JFIF", 10);
const std::string kPng("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
const std::string kPdf = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
const std::string kWebp("RIFF\x24\x00\x00\x00WEBPVP8 ", 16);
const std::string kHeic("\x00\x00\x00\x18" "ftypheic\x00\x00\x00\x00", 16);

TEST(AttachmentType, IsWhatTheFirstBytesProve) {
  EXPECT_EQ(SniffAttachmentType(kJpeg), AttachmentType::kJpeg);
  EXPECT_EQ(SniffAttachmentType(kPng), AttachmentType::kPng);
  EXPECT_EQ(SniffAttachmentType(kPdf), AttachmentType::kPdf);
  EXPECT_EQ(SniffAttachmentType(kWebp), AttachmentType::kWebp);
  EXPECT_EQ(SniffAttachmentType(kHeic), AttachmentType::kHeic);
  // Not by name or claim: HTML, SVG (script), executables, a zip, GIF, a
  // truncated PNG signature, RIFF that is a WAV, an MP4 ("ftypisom").
  for (const std::string& b :
       {std::string("<html><script>alert(1)</script>"), std::string("<svg xmlns="),
        std::string("MZ\x90\x00", 4), std::string("PK\x03\x04", 4), std::string("GIF89a"),
        std::string("\x89PNG\r\n", 6), std::string("RIFF\x24\x00\x00\x00WAVEfmt ", 16),
        std::string("\x00\x00\x00\x18" "ftypisom\x00\x00\x00\x00", 16), std::string(" %PDF-1.4"),
        std::string()}) {
    EXPECT_FALSE(SniffAttachmentType(b).has_value()) << b;
  }
  EXPECT_STREQ(AttachmentMediaType(AttachmentType::kPdf), "application/pdf");
  EXPECT_STREQ(AttachmentMediaType(AttachmentType::kJpeg), "image/jpeg");
  EXPECT_EQ(AttachmentTypeFromMedia("image/png"), AttachmentType::kPng);
  EXPECT_FALSE(AttachmentTypeFromMedia("text/html").has_value());
}

TEST(AttachmentCheck, RefusesEmptyTooLargeUnknownAndOneTooMany) {
  EXPECT_EQ(CheckNewAttachment(kPng, 0).value(), AttachmentType::kPng);
  EXPECT_EQ(CheckNewAttachment("", 0).status().reason(), "attachment_empty");

  std::string big = kJpeg + std::string(kAttachmentLimits.max_bytes - kJpeg.size(), 'x');
  EXPECT_TRUE(CheckNewAttachment(big, 0).ok());  // exactly 10 MiB is allowed
  big.push_back('x');
  auto too_large = CheckNewAttachment(big, 0);
  EXPECT_EQ(too_large.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(too_large.status().reason(), "attachment_too_large");
  EXPECT_EQ(too_large.status().field(), "file");
  EXPECT_NE(too_large.status().message().find("10 MB"), std::string::npos);

  auto html = CheckNewAttachment("<html>", 0);
  EXPECT_EQ(html.status().reason(), "attachment_type");
  EXPECT_EQ(html.status().field(), "file");

  EXPECT_TRUE(CheckNewAttachment(kPdf, kAttachmentLimits.max_per_task - 1).ok());
  auto full = CheckNewAttachment(kPdf, kAttachmentLimits.max_per_task);
  EXPECT_EQ(full.status().code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(full.status().reason(), "too_many_attachments");

  AttachmentLimits small;
  small.max_bytes = 8;
  small.max_per_task = 1;
  EXPECT_EQ(CheckNewAttachment(kPng, 0, small).status().reason(), "attachment_too_large");
  EXPECT_EQ(CheckNewAttachment("%PDF-1", 1, small).status().reason(), "too_many_attachments");
}

TEST(AttachmentName, KeepsTheLastPathPartWithoutControlsAndEndsInTheType) {
  const auto png = AttachmentType::kPng;
  EXPECT_EQ(NormalizeAttachmentName("现场照片.png", png), "现场照片.png");
  EXPECT_EQ(NormalizeAttachmentName("C:\\Users\\赵\\Desktop\\门头.PNG", png), "门头.PNG");
  EXPECT_EQ(NormalizeAttachmentName("../../etc/passwd", png), "passwd.png");
  EXPECT_EQ(NormalizeAttachmentName("a\r\nb\t\x7F" "c.png", png), "abc.png");
  // U+202E (right-to-left override) would make "photo<RLO>gnp.exe" read as "photoexe.png".
  EXPECT_EQ(NormalizeAttachmentName("photo\xE2\x80\xAEgnp.exe", png), "photognp.exe.png");
  EXPECT_EQ(NormalizeAttachmentName("  ..hidden.png. ", png), "hidden.png");
  EXPECT_EQ(NormalizeAttachmentName("", png), "附件.png");
  EXPECT_EQ(NormalizeAttachmentName("/", AttachmentType::kPdf), "附件.pdf");
  EXPECT_EQ(NormalizeAttachmentName("..", AttachmentType::kJpeg), "附件.jpg");
  EXPECT_EQ(NormalizeAttachmentName("IMG_0001.jpeg", AttachmentType::kJpeg), "IMG_0001.jpeg");
  // The content decides: a PDF named .jpg gets .pdf appended.
  EXPECT_EQ(NormalizeAttachmentName("scan.jpg", AttachmentType::kPdf), "scan.jpg.pdf");
  // Invalid UTF-8 bytes are dropped, valid characters kept.
  EXPECT_EQ(NormalizeAttachmentName("a\xFF\xC3(b.pdf", AttachmentType::kPdf), "a(b.pdf");
}

TEST(AttachmentName, IsCutInTheStemToTheLengthCap) {
  std::string stem;
  for (int i = 0; i < 150; ++i) stem += "检";
  std::string name = NormalizeAttachmentName(stem + ".pdf", AttachmentType::kPdf);
  std::string expected;
  for (int i = 0; i < 96; ++i) expected += "检";
  EXPECT_EQ(name, expected + ".pdf");  // 100 characters, the extension kept
  std::string ascii(99, 'a');
  EXPECT_EQ(NormalizeAttachmentName(ascii, AttachmentType::kPng), std::string(96, 'a') + ".png");
}

}  // namespace
}  // namespace jg
