// The directory of a generated Jiading-like district (jianguan demo-data):
// realistic Chinese names, valid GB 32100 credit codes with the division code
// 310114, streets and the stations in charge, GB/T 4754 industries, a
// credit-risk mix, and what each entity should hold. Pure: no I/O; the same
// seed gives the same district.
#pragma once

#include <string>
#include <vector>

#include "demo/demo_random.h"

namespace jg::demo {

// A trade of the district: its industry code and what its entities hold.
struct DemoTrade {
  const char* industry;     // GB/T 4754-2017
  const char* label;        // 行业名称
  const char* firm_word;    // in an enterprise name: 上海{字号}{firm_word}有限公司
  const char* shop_word;    // in an individual business name, "" = none are
  int weight;               // share of the directory, per mille
  bool food = false;        // holds a 食品经营许可证
  int alcohol_per_mille = 0;  // …with 含酒类 in its business items
  bool drug = false;        // 药品经营许可证（零售）
  bool industrial = false;  // 工业产品生产许可证
  bool cooperative = false; // 农民专业合作社
  const char* licence_product = "";  // the industrial licence's product category
};
const std::vector<DemoTrade>& DemoTrades();

struct DemoStreet {
  const char* street;   // 街镇
  const char* station;  // the station in charge (department code)
  int weight;
};
const std::vector<DemoStreet>& DemoStreets();

struct DemoEntity {
  std::string credit_code;
  std::string name;
  std::string kind;  // 企业, 个体工商户, 农民专业合作社, 分支机构
  std::string legal_representative;
  std::string address;
  std::string street;
  std::string station;
  std::string registered_on;  // YYYY-MM-DD
  std::string status;         // 存续, 注销, 吊销, 迁出
  std::string risk_class;     // A–D or ""
  std::string risk_classified_on;
  std::vector<std::string> tags;
  int trade = 0;  // index into DemoTrades()
  bool alcohol = false;  // its food licence lists 含酒类
};

struct DistrictSpec {
  int entities = 60000;
  int year = 2023;            // the calibrated year: registrations happen in it and the year before
  int beihongqiao_new = 0;    // enterprises of 江桥镇 established in `year` (北虹桥 service point)
  int first_serial = 1;       // of the generated organisation codes
};

// The directory, sorted by nothing in particular; every credit code distinct.
std::vector<DemoEntity> GenerateDirectory(DemoRandom& rng, const DistrictSpec& spec);

// The directory as the entity import reads it (the export's headings).
std::string DirectoryCsv(const std::vector<DemoEntity>& entities);

// A person's name (法定代表人, 申请人…).
std::string PersonName(DemoRandom& rng);

// The n-th generated credit code: 9 {kind} 310114 MA1 {5 chars of n} {checks}.
std::string DemoCreditCode(int n, char kind);

}  // namespace jg::demo
