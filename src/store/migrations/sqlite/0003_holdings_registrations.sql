-- Holdings (licences now; equipment and instruments later) with their kinds
-- as data, and registrations of market entities by service point.
CREATE TABLE holding_kinds (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  category TEXT NOT NULL,
  identifier_rule TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  attribute_keys TEXT NOT NULL
);
INSERT INTO holding_kinds VALUES
 ('food_operation_licence', '食品经营许可证', 'licence', 'jy14',
  '《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》（市场监管总局令第78号）；酒类商品经营许可纳入食品经营许可（上海“二证合一”）',
  'business_form,business_items'),
 ('drug_retail_licence', '药品经营许可证（零售）', 'licence', 'free',
  '《中华人民共和国药品管理法》第五十一条、第五十二条；《药品经营和使用质量监督管理办法》',
  'business_scope,pharmacist,medical_insurance_designated'),
 ('industrial_production_licence', '工业产品生产许可证', 'licence', 'free',
  '《中华人民共和国工业产品生产许可证管理条例》第二条；《工业产品生产许可证管理条例实施办法》',
  'product_category,product_unit');

CREATE TABLE holdings (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL REFERENCES holding_kinds(code),
  identifier TEXT NOT NULL,
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  valid_from TEXT NOT NULL,
  valid_until TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('valid', 'suspended', 'revoked', 'cancelled')),
  version INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL DEFAULT '',
  UNIQUE (kind, identifier)
);
CREATE INDEX holdings_entity ON holdings(entity_id);
CREATE INDEX holdings_until ON holdings(status, valid_until);

-- One row per attribute value; a key may repeat (the business items).
CREATE TABLE holding_attributes (
  holding_id INTEGER NOT NULL REFERENCES holdings(id),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (holding_id, key, value)
);
CREATE INDEX holding_attributes_value ON holding_attributes(key, value);

-- 新设/变更/注销 registrations, attributed to the service point that handled them.
CREATE TABLE registrations (
  id INTEGER PRIMARY KEY,
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  kind TEXT NOT NULL CHECK (kind IN ('establishment', 'change', 'deregistration')),
  service_point TEXT NOT NULL,
  handled_on TEXT NOT NULL,
  fully_electronic INTEGER NOT NULL DEFAULT 0,
  recorded_at INTEGER NOT NULL,
  recorded_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX registrations_point_date ON registrations(service_point, handled_on);
CREATE INDEX registrations_entity ON registrations(entity_id);
