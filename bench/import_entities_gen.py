"""Writes N rows of a directory import file (the columns of `jianguan import
entities`) with valid unified social credit codes (GB 32100, GB 11714 check
characters) to stdout: python3 bench/import_entities_gen.py 1000000 > f.csv"""
import sys
CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
W18 = [1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28]
W9 = [3,7,9,10,5,8,4,2]
def orgcheck(s):  # GB 11714: the organisation code's check character
    v = lambda c: int(c) if c.isdigit() else ord(c) - 55
    c = 11 - sum(v(ch) * w for ch, w in zip(s, W9)) % 11
    return 'X' if c == 10 else '0' if c == 11 else str(c)
def code(n):  # the n-th code of Jiading (310114), ascending
    org = "M%07d" % n
    org += orgcheck(org)
    f17 = "91310114" + org
    c = (31 - sum(CHARS.index(ch) * w for ch, w in zip(f17, W18)) % 31) % 31
    return f17 + CHARS[c]
n = int(sys.argv[1])
streets = ["嘉定镇街道","新成路街道","真新街道","菊园新区","南翔镇","江桥镇","安亭镇","马陆镇","徐行镇","华亭镇","外冈镇","嘉定工业区"]
trades = ["贸易","餐饮","科技","食品","药房","机械","建材","服饰"]
kinds = ["企业","个体工商户","农民专业合作社","分支机构"]
out = sys.stdout
out.write("统一社会信用代码,名称,主体类型,法定代表人（负责人）,住所,街镇,行业代码,成立日期,登记状态,信用风险分类,分类日期,标签\n")
for i in range(n):
    s = streets[i % 12]
    out.write("%s,上海%s%s%d有限公司,%s,张三,上海市嘉定区%s基准路%d号,%s,F5%03d,20%02d-%02d-%02d,存续,%s,2023-01-10,%s\n" % (
        code(i), s[:2], trades[i % 8], i, kinds[i % 4], s, i % 999 + 1, s, i % 1000, 10 + i % 14, 1 + i % 12, 1 + i % 28,
        "ABCD"[i % 4], "重点监管" if i % 10 == 0 else ""))
