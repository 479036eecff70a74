#include <gtest/gtest.h>

#include "domain/accounts.h"
#include "domain/permissions.h"
#include "domain/utf8.h"

namespace jg {
namespace {

TEST(Validation, UsernameRules) {
  EXPECT_TRUE(ValidateUsername("zhang.san").ok());
  EXPECT_EQ(ValidateUsername("ab").field(), "username");
  EXPECT_FALSE(ValidateUsername("Zhang").ok());
  EXPECT_FALSE(ValidateUsername("1abc").ok());
  EXPECT_FALSE(ValidateUsername("a b c").ok());
}

TEST(Validation, PasswordStrength) {
  EXPECT_TRUE(ValidatePasswordStrength("Jianguan2024").ok());
  EXPECT_EQ(ValidatePasswordStrength("short1").reason(), "weak_password");
  EXPECT_EQ(ValidatePasswordStrength("onlyletterslong").reason(), "weak_password");
  EXPECT_EQ(ValidatePasswordStrength("1234567890123").reason(), "weak_password");
}

TEST(Validation, DisplayNameCountsCodePointsNotBytes) {
  EXPECT_TRUE(ValidateDisplayName("张三").ok());
  EXPECT_FALSE(ValidateDisplayName("").ok());
  EXPECT_FALSE(ValidateDisplayName(std::string(41 * 3, 'a')).ok());
  EXPECT_TRUE(ValidateDisplayName("江桥市场监管所第一执法队张三丰").ok());
}

TEST(Utf8, RejectsMalformed) {
  EXPECT_TRUE(IsValidUtf8("市场监管"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xE5\xB8"));          // truncated
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // > U+10FFFF
  EXPECT_EQ(Utf8Length("市场a"), 3u);
}

TEST(Utf8, PrefixCountsCodePoints) {
  EXPECT_EQ(Utf8Prefix("上海食品", 0), "");
  EXPECT_EQ(Utf8Prefix("上海食品", 3), "上海食");
  EXPECT_EQ(Utf8Prefix("a嘉\U00020000定", 3), "a嘉\U00020000");
  EXPECT_EQ(Utf8Prefix("马陆", 5), "马陆");
}

TEST(Permissions, TableGrantsAndScopes) {
  EXPECT_EQ(ScopeOf(Role::kAdmin, Permission::kManageUsers), Scope::kAll);
  EXPECT_EQ(ScopeOf(Role::kLeader, Permission::kManageUsers), Scope::kNone);
  EXPECT_EQ(ScopeOf(Role::kStaff, Permission::kEditDepartmentContact), Scope::kOwnDepartment);
  EXPECT_EQ(ScopeOf(Role::kInspector, Permission::kReadAudit), Scope::kNone);
}

TEST(Permissions, SubtreeWalksParentsAndSurvivesCycles) {
  std::vector<Department> tree = {
      {1, "B", "局", DepartmentKind::kBureau, std::nullopt, "", "", 1},
      {2, "S", "所", DepartmentKind::kStation, 1, "", "", 1},
      {3, "T", "组", DepartmentKind::kSection, 2, "", "", 1},
      {4, "X", "甲", DepartmentKind::kSection, 5, "", "", 1},
      {5, "Y", "乙", DepartmentKind::kSection, 4, "", "", 1},
  };
  EXPECT_TRUE(IsInSubtree(tree, 1, 3));
  EXPECT_TRUE(IsInSubtree(tree, 2, 3));
  EXPECT_FALSE(IsInSubtree(tree, 3, 2));
  EXPECT_FALSE(IsInSubtree(tree, 1, 4));  // cycle, not under 1
}

}  // namespace
}  // namespace jg
