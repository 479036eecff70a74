-- The 双随机 registries: the inspection item list (抽查事项清单), edited by the
-- legal department and versioned with its history, and the inspector roster
-- (执法检查人员名录库) with each inspector's qualifications and declared
-- conflicts of interest (回避).
CREATE TABLE inspection_items (
  id BIGSERIAL PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  sub_item TEXT NOT NULL DEFAULT '',
  legal_basis TEXT NOT NULL,
  -- The inspecting body (检查实施主体); NULL only on seeded rows (未指定科室):
  -- the service requires it on every create and edit.
  department_id BIGINT REFERENCES departments(id),
  -- A description of the inspected (检查对象) or a holding kind code.
  target TEXT NOT NULL,
  -- The checklist, one point per line.
  checklist TEXT NOT NULL DEFAULT '',
  method TEXT NOT NULL CHECK (method IN ('现场检查', '书面检查', '网络监测', '抽样检测')),
  importance TEXT NOT NULL CHECK (importance IN ('key', 'general')),
  inspector_requirements TEXT NOT NULL DEFAULT '',
  active BIGINT NOT NULL DEFAULT 1,
  version BIGINT NOT NULL DEFAULT 1,
  updated_at BIGINT NOT NULL,
  updated_by TEXT NOT NULL DEFAULT ''
);

-- Every saved version of an item, as it was.
CREATE TABLE inspection_item_versions (
  item_id BIGINT NOT NULL REFERENCES inspection_items(id),
  version BIGINT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  sub_item TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  department_id BIGINT,
  target TEXT NOT NULL,
  checklist TEXT NOT NULL,
  method TEXT NOT NULL,
  importance TEXT NOT NULL,
  inspector_requirements TEXT NOT NULL,
  active BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (item_id, version)
);

INSERT INTO inspection_items (code, name, sub_item, legal_basis, department_id, target, checklist,
                              method, importance, inspector_requirements, active, version,
                              updated_at, updated_by) VALUES
 ('SP-001', '食品经营者落实食品安全主体责任情况检查',
  '进货查验、食品贮存和库存食品定期检查情况',
  '《中华人民共和国食品安全法》第五十三条、第五十四条、第一百一十条；《食品经营许可和备案管理办法》（市场监管总局令第78号）',
  NULL, 'food_operation_licence',
  '食品经营许可证是否在有效期内并在显著位置公示
是否建立并执行进货查验记录制度
是否按保证食品安全的要求贮存食品
是否定期检查库存食品并及时清理变质或者超过保质期的食品
从事接触直接入口食品工作的人员是否取得健康证明',
  '现场检查', 'key', '持有效行政执法证、熟悉食品安全监管的执法人员，每户不少于2人', 1, 1, 0, 'system'),
 ('YP-001', '药品零售企业经营行为检查',
  '执行药品经营质量管理规范（GSP）情况',
  '《中华人民共和国药品管理法》第五十三条、第九十九条；《药品经营和使用质量监督管理办法》（市场监管总局令第84号）',
  NULL, 'drug_retail_licence',
  '药品经营许可证是否在有效期内，经营范围是否与许可一致
执业药师是否在岗并履行处方审核职责
处方药是否凭处方销售，是否按规定陈列与储存
购进药品是否索证索票并建立真实完整的购销记录',
  '现场检查', 'key', '持有效行政执法证、具备药品监管知识的执法人员，每户不少于2人', 1, 1, 0, 'system'),
 ('TS-001', '电梯使用单位使用管理情况检查',
  '电梯使用登记、定期检验和维护保养情况',
  '《中华人民共和国特种设备安全法》第三十三条、第四十条、第四十五条；《特种设备安全监察条例》',
  NULL, '电梯使用单位',
  '电梯是否办理使用登记，登记标志是否置于显著位置
是否在检验合格有效期届满前一个月提出定期检验要求
维护保养单位是否依法取得许可并按安全技术规范进行维护保养
是否配备特种设备安全管理人员并建立安全技术档案',
  '现场检查', 'key', '持有效行政执法证、熟悉特种设备安全监察的执法人员，每户不少于2人', 1, 1, 0, 'system'),
 ('JL-001', '计量器具强制检定情况检查',
  '强制检定的工作计量器具登记和周期检定情况',
  '《中华人民共和国计量法》第九条；《中华人民共和国强制检定的工作计量器具检定管理办法》',
  NULL, '使用强制检定工作计量器具的单位',
  '是否建立强制检定的工作计量器具台账并向市场监管部门登记
是否按规定申请周期检定
是否使用未经检定、检定不合格或者超过检定周期的计量器具',
  '现场检查', 'general', '持有效行政执法证的执法人员，每户不少于2人', 1, 1, 0, 'system'),
 ('ZL-001', '产品质量监督抽查',
  '生产、销售的产品质量状况',
  '《中华人民共和国产品质量法》第十五条；《产品质量监督抽查管理暂行办法》（市场监管总局令第18号）',
  NULL, '产品生产者、销售者',
  '抽取样品是否由被抽查者无偿提供且数量不超过检验的合理需要
样品是否按规定封样并送承检机构检验
检验结论是否依法告知被抽查者',
  '抽样检测', 'general', '持有效行政执法证的执法人员，抽样时不少于2人', 1, 1, 0, 'system'),
 ('GS-001', '企业公示信息抽查',
  '年度报告公示信息和即时公示信息情况',
  '《企业信息公示暂行条例》第十四条；《企业公示信息抽查暂行办法》',
  NULL, '企业',
  '年度报告公示信息是否真实、及时
即时信息是否在形成之日起20个工作日内公示
通过登记的住所或者经营场所能否取得联系',
  '书面检查', 'general', '持有效行政执法证的执法人员，每户不少于2人', 1, 1, 0, 'system'),
 ('GG-001', '广告发布行为检查',
  '广告内容合法性和广告发布审查情况',
  '《中华人民共和国广告法》第九条、第二十八条、第三十四条、第四十九条',
  NULL, '广告主、广告经营者、广告发布者',
  '广告内容是否含有本法第九条禁止的情形
是否以虚假或者引人误解的内容欺骗、误导消费者
广告经营者、广告发布者是否建立并实施广告业务承接登记、审核和档案管理制度',
  '网络监测', 'general', '持有效行政执法证、熟悉广告监管的执法人员，每户不少于2人', 1, 1, 0, 'system'),
 ('JG-001', '价格行为检查',
  '明码标价和价格欺诈行为',
  '《中华人民共和国价格法》第十三条、第十四条、第三十四条；《明码标价和禁止价格欺诈规定》（市场监管总局令第56号）',
  NULL, '经营者',
  '是否按规定明码标价，标价内容是否真实准确
是否在标价之外加价出售商品或者收取未予标明的费用
是否存在虚构原价、虚假优惠折价等价格欺诈行为',
  '现场检查', 'general', '持有效行政执法证的执法人员，每户不少于2人', 1, 1, 0, 'system');

INSERT INTO inspection_item_versions (item_id, version, code, name, sub_item, legal_basis,
                                      department_id, target, checklist, method, importance,
                                      inspector_requirements, active, updated_at, updated_by)
SELECT id, version, code, name, sub_item, legal_basis, department_id, target, checklist, method,
       importance, inspector_requirements, active, updated_at, updated_by
FROM inspection_items;

-- The inspector roster. department_id is the department the inspector belongs
-- to (staff manage the inspectors of their own department); station_id the
-- station they work at, which the 所所交叉 option keeps off that station's entities.
CREATE TABLE inspectors (
  id BIGSERIAL PRIMARY KEY,
  user_id BIGINT UNIQUE REFERENCES users(id),
  name TEXT NOT NULL,
  department_id BIGINT NOT NULL REFERENCES departments(id),
  station_id BIGINT REFERENCES departments(id),
  certificate_no TEXT NOT NULL UNIQUE,
  certificate_expires TEXT NOT NULL,
  available_from TEXT NOT NULL DEFAULT '',
  available_to TEXT NOT NULL DEFAULT '',
  active BIGINT NOT NULL DEFAULT 1,
  version BIGINT NOT NULL DEFAULT 1,
  updated_at BIGINT NOT NULL,
  updated_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX inspectors_department ON inspectors(department_id);
CREATE INDEX inspectors_station ON inspectors(station_id);

-- The inspection items an inspector is qualified for.
CREATE TABLE inspector_qualifications (
  inspector_id BIGINT NOT NULL REFERENCES inspectors(id),
  item_code TEXT NOT NULL REFERENCES inspection_items(code),
  PRIMARY KEY (inspector_id, item_code)
);
CREATE INDEX inspector_qualifications_item ON inspector_qualifications(item_code);

-- Declared conflicts of interest: the inspector recuses from this entity.
CREATE TABLE inspector_conflicts (
  inspector_id BIGINT NOT NULL REFERENCES inspectors(id),
  credit_code TEXT NOT NULL,
  reason TEXT NOT NULL,
  declared_on TEXT NOT NULL,
  PRIMARY KEY (inspector_id, credit_code)
);
CREATE INDEX inspector_conflicts_code ON inspector_conflicts(credit_code);
