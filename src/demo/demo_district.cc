#include "demo/demo_district.h"

#include <cstdio>
#include <set>

#include "domain/credit_code.h"

namespace jg::demo {
namespace {

// Characters of 字号 (trade names) and of given names: common, auspicious,
// and combined at random, so a match with a real registered name is chance.
const std::vector<std::string>& BrandChars() {
  static const std::vector<std::string> v = {
      "嘉", "禾", "鑫", "盛", "源", "华", "新", "泰", "丰", "瑞", "祥", "恒", "达", "信",
      "诚", "德", "福", "兴", "隆", "宏", "昌", "安", "康", "益", "锦", "悦", "通", "汇",
      "宝", "鼎", "聚", "和", "润", "远", "腾", "凯", "乐", "顺", "金", "星", "辰", "美",
      "佳", "优", "品", "味", "香", "然", "方", "博", "创", "智", "联", "科", "亿", "百",
      "万", "千", "东", "南", "西", "北", "沪", "申", "浦", "江", "海", "云", "天", "山",
      "水", "林", "松", "竹", "梅", "兰", "菊", "春", "秋", "晨", "阳", "光", "明", "启"};
  return v;
}
const std::vector<std::string>& Surnames() {
  static const std::vector<std::string> v = {
      "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
      "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯",
      "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余", "杜", "叶",
      "程", "苏", "魏", "吕", "丁", "沈", "姚", "陆", "顾", "钱", "金", "严", "龚", "施"};
  return v;
}
const std::vector<std::string>& GivenChars() {
  static const std::vector<std::string> v = {
      "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
      "涛", "明", "超", "秀", "霞", "平", "刚", "英", "华", "玉", "兰", "萍", "红", "鹏",
      "辉", "建", "国", "文", "斌", "宁", "波", "海", "燕", "雪", "琳", "晨", "浩", "宇",
      "欣", "怡", "佳", "俊", "婷", "嘉", "凯", "晓", "东", "新", "志", "永", "春", "云",
      "峰", "亮", "飞", "慧", "颖", "倩", "瑶", "晶", "荣", "健", "毅", "鑫", "磊", "琦"};
  return v;
}
// Fictional road names of the generated addresses (字 + 路/公路).
const std::vector<std::string>& Roads() {
  static const std::vector<std::string> v = {"嘉禾路", "盛源路", "瑞祥路", "恒达路", "丰泰路",
                                             "兴隆路", "安康路", "锦悦路", "汇通路", "润和路",
                                             "春晨路", "云林路", "松竹路", "秋阳路", "明启路",
                                             "宝鼎公路", "聚德公路", "远腾公路"};
  return v;
}

std::string Brand(DemoRandom& rng) {
  const auto& c = BrandChars();
  std::string a = rng.Pick(c), b = rng.Pick(c);
  while (b == a) b = rng.Pick(c);
  return a + b;
}

// The street's short name as it appears in shop names: 江桥镇 → 江桥.
std::string ShortStreet(const std::string& street) {
  for (const char* suffix : {"街道", "新区", "镇"}) {
    std::string s(suffix);
    if (street.size() > s.size() && street.compare(street.size() - s.size(), s.size(), s) == 0)
      return street.substr(0, street.size() - s.size());
  }
  return street;
}

std::string Day(int year, DemoRandom& rng) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int m = rng.Between(1, 12);
  int d = rng.Between(1, days[m - 1]);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, m, d);
  return buf;
}

std::string Csv(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

const std::vector<DemoTrade>& DemoTrades() {
  // Weights per mille of the directory, roughly a suburban district of
  // Shanghai: catering and small retail are most of the individual
  // businesses; auto parts and technology firms most of the enterprises.
  static const std::vector<DemoTrade> v = {
      {"H6210", "正餐服务", "餐饮管理", "饭店", 90, true, 600},
      {"H6220", "快餐服务", "餐饮", "小吃店", 80, true, 150},
      {"H6232", "咖啡馆服务", "咖啡", "咖啡馆", 20, true, 100},
      {"F5212", "超级市场零售", "超市", "超市", 40, true, 900},
      {"F5213", "便利店零售", "便利店", "便利店", 60, true, 850},
      {"F5223", "果品、蔬菜零售", "果蔬", "水果店", 40, true, 30},
      {"F5225", "酒、饮料及茶叶零售", "酒业", "烟酒店", 30, true, 1000},
      {"F5221", "粮油零售", "粮油", "粮油店", 20, true, 100},
      {"F5251", "西药零售", "大药房", "药房", 20, false, 0, true},
      {"F5232", "服装零售", "服饰", "服装店", 50, false},
      {"F5274", "五金零售", "五金", "五金店", 40, false},
      {"O8051", "理发及美容服务", "美容美发", "理发店", 40, false},
      {"F5261", "汽车新车零售", "汽车销售", "", 20, false},
      {"C3670", "汽车零部件及配件制造", "汽车零部件", "", 60, false},
      {"C3831", "电线、电缆制造", "电线电缆", "", 3, false, 0, false, true, false, "电线电缆"},
      {"C2926", "塑料包装箱及容器制造", "塑料包装", "", 3, false, 0, false, true, false,
       "食品用塑料包装容器工具等制品"},
      {"C3130", "钢压延加工", "金属制品", "", 2, false, 0, false, true, false, "建筑用钢筋"},
      {"C1411", "糕点、面包制造", "食品", "", 10, false},
      {"I6510", "软件开发", "信息科技", "", 130, false},
      {"M7519", "其他技术推广服务", "科技发展", "", 130, false},
      {"A0152", "葡萄种植", "葡萄", "", 5, false, 0, false, false, true},
      {"A0141", "蔬菜种植", "蔬菜", "", 7, false, 0, false, false, true},
  };
  return v;
}

const std::vector<DemoStreet>& DemoStreets() {
  static const std::vector<DemoStreet> v = {
      {"新成路街道", "XCS", 6},  {"真新街道", "ZXS", 7}, {"嘉定镇街道", "JDZS", 5},
      {"菊园新区", "JYS", 6},    {"江桥镇", "JQS", 14},  {"南翔镇", "NXS", 11},
      {"安亭镇", "ATS", 12},     {"马陆镇", "MLS", 11},  {"徐行镇", "XCZS", 6},
      {"华亭镇", "HFS", 4},      {"外冈镇", "WGS", 6},   {"嘉定工业区", "GYQS", 12}};
  return v;
}

std::string PersonName(DemoRandom& rng) {
  std::string n = rng.Pick(Surnames()) + rng.Pick(GivenChars());
  if (rng.PerMille(700)) n += rng.Pick(GivenChars());
  return n;
}

std::string DemoCreditCode(int n, char kind) {
  static const char kChars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";  // GB 32100 set, 31
  std::string org = "MA1";
  std::string tail(5, '0');
  for (int i = 4, x = n; i >= 0; --i, x /= 31) tail[i] = kChars[x % 31];
  org += tail;
  org += OrgCodeCheckChar(org);
  std::string first17 = std::string("9") + kind + "310114" + org;
  return first17 + CreditCodeCheckChar(first17);
}

std::vector<DemoEntity> GenerateDirectory(DemoRandom& rng, const DistrictSpec& spec) {
  const auto& trades = DemoTrades();
  const auto& streets = DemoStreets();
  std::vector<int> trade_w, street_w;
  for (const auto& t : trades) trade_w.push_back(t.weight);
  for (const auto& s : streets) street_w.push_back(s.weight);
  int jiangqiao = 0;
  for (std::size_t i = 0; i < streets.size(); ++i)
    if (std::string(streets[i].street) == "江桥镇") jiangqiao = static_cast<int>(i);

  std::vector<DemoEntity> out;
  out.reserve(spec.entities);
  std::set<std::string> names;
  for (int i = 0; i < spec.entities; ++i) {
    DemoEntity e;
    // The first `beihongqiao_new` are the enterprises the 北虹桥 point set up in the year.
    const bool bhq = i < spec.beihongqiao_new;
    int si = bhq ? jiangqiao : static_cast<int>(rng.Weighted(street_w));
    int ti = static_cast<int>(rng.Weighted(trade_w));
    const DemoTrade& t = trades[ti];
    const DemoStreet& st = streets[si];
    e.trade = ti;
    e.street = st.street;
    e.station = st.station;
    char kind_char = '1';
    if (t.cooperative && !bhq) {
      e.kind = "农民专业合作社";
      kind_char = '3';
    } else if (*t.shop_word && !bhq && rng.PerMille(600)) {
      e.kind = "个体工商户";
      kind_char = '2';
    } else if (!bhq && rng.PerMille(40)) {
      e.kind = "分支机构";
    } else {
      e.kind = "企业";
    }
    e.credit_code = DemoCreditCode(spec.first_serial + i, kind_char);
    // A name not yet taken in the district (the registry refuses duplicates).
    for (int attempt = 0;; ++attempt) {
      std::string brand = Brand(rng);
      std::string n;
      if (e.kind == "个体工商户") {
        n = "嘉定区" + ShortStreet(e.street) + brand + t.shop_word;
      } else if (e.kind == "农民专业合作社") {
        n = "上海" + ShortStreet(e.street) + brand + t.firm_word + "专业合作社";
      } else if (e.kind == "分支机构") {
        n = "上海" + brand + t.firm_word + "有限公司嘉定分公司";
      } else {
        n = "上海" + brand + t.firm_word + (rng.PerMille(30) ? "股份有限公司" : "有限公司");
      }
      if (attempt > 3) n += "（" + std::to_string(attempt) + "）";
      if (names.insert(n).second) {
        e.name = n;
        break;
      }
    }
    e.legal_representative = PersonName(rng);
    e.address = "上海市嘉定区" + e.street + rng.Pick(Roads()) + std::to_string(rng.Between(1, 2999)) + "号";
    // Age: the year itself (北虹桥 and ~9% elsewhere), the year before (~9%), older.
    int age_roll = rng.Between(0, 999);
    int year = bhq || age_roll < 90   ? spec.year
               : age_roll < 180       ? spec.year - 1
                                      : spec.year - 2 - static_cast<int>(rng.Below(20)) * static_cast<int>(rng.Below(2) + 1) / 2;
    e.registered_on = Day(year, rng);
    int status_roll = rng.Between(0, 999);
    e.status = year >= spec.year - 1 || status_roll >= 50 ? "存续"
               : status_roll < 30                        ? "注销"
               : status_roll < 42                        ? "吊销"
                                                         : "迁出";
    // Credit-risk classes: most entities low risk, a tail of high risk.
    if (year < spec.year) {
      int r = rng.Between(0, 999);
      e.risk_class = r < 350 ? "A" : r < 800 ? "B" : r < 950 ? "C" : r < 990 ? "D" : "";
      // Classified on the first working days of the year before the history
      // starts, or when it was set up if later.
      if (!e.risk_class.empty())
        e.risk_classified_on = year >= spec.year - 2 ? e.registered_on : std::to_string(spec.year - 2) + "-01-10";
    } else if (rng.PerMille(700)) {
      e.risk_class = "B";  // new entities start in the middle class
      e.risk_classified_on = e.registered_on;
    }
    e.alcohol = t.food && rng.PerMille(t.alcohol_per_mille);
    if (e.risk_class == "C" || e.risk_class == "D" || e.alcohol) e.tags.push_back("重点监管");
    if (t.food) e.tags.push_back("食品");
    out.push_back(std::move(e));
  }
  return out;
}

std::string DirectoryCsv(const std::vector<DemoEntity>& entities) {
  std::string out =
      "统一社会信用代码,名称,主体类型,法定代表人（负责人）,住所,街镇,管辖所,行业代码,成立日期,"
      "登记状态,信用风险分类,分类日期,标签\n";
  const auto& trades = DemoTrades();
  for (const auto& e : entities) {
    std::string tags;
    for (const auto& t : e.tags) tags += (tags.empty() ? "" : ";") + t;
    out += e.credit_code + "," + Csv(e.name) + "," + e.kind + "," + e.legal_representative + "," +
           Csv(e.address) + "," + e.street + "," + e.station + "," + trades[e.trade].industry + "," +
           e.registered_on + "," + e.status + "," + e.risk_class + "," + e.risk_classified_on +
           "," + tags + "\n";
  }
  return out;
}

}  // namespace jg::demo
