-- Demo customers and services for the `demo` profile, loaded by DemoCustomers into an empty
-- customer table. Dates are relative to the day of loading. Names, e-mail addresses, domains
-- (.example / .example.cn), IP addresses (RFC 5737 documentation ranges) and ICP numbers are
-- fictitious.

INSERT INTO customer (id, name, kind, email, phone, im_handle, preferred_language, service_profile, account_manager) VALUES
(1,  'Northwind Traders Ltd',          'ENTERPRISE', 'it@northwind.example',            '+442079460018',  NULL,                 'en',    'DEPENDENT',      'sales'),
(2,  '上海云帆电子商务有限公司',        'ENTERPRISE', 'ops@yunfan.example.cn',           '+862150100002',  'wx:yunfan_ops',      'zh-CN', 'VIP',            'lead'),
(3,  '杭州青禾科技有限公司',            'ENTERPRISE', 'admin@qinghe-tech.example.cn',    '+8657186000003', 'wx:qinghe_admin',    'zh-CN', 'SELF_RELIANT',   'sales'),
(4,  '北京华信数据服务有限公司',        'ENTERPRISE', 'dba@huaxin-data.example.cn',      '+861062000004',  'wx:huaxin_dba',      'zh-CN', 'UNDER_PRESSURE', 'lead'),
(5,  'Contoso Analytics GmbH',         'ENTERPRISE', 'ops@contoso-analytics.example',   '+493055500005',  'slack:contoso-ops',  'en',    'SELF_RELIANT',   'sales'),
(6,  'Bluewater Logistics Pte. Ltd.',  'ENTERPRISE', 'it@bluewater.example',            '+6565000006',     'teams:bluewater-it', 'en',    'VIP',            'lead'),
(7,  '王磊',                           'INDIVIDUAL', 'wanglei@mail.example.cn',         '+8613800000007', 'qq:81600007',        'zh-CN', 'SELF_RELIANT',   NULL),
(8,  '李娜',                           'INDIVIDUAL', 'lina.studio@mail.example.cn',     '+8613900000008', 'wx:lina_studio',     'zh-CN', 'DEPENDENT',      NULL),
(9,  '张伟',                           'INDIVIDUAL', 'zhangwei@shop-mail.example.cn',   '+8613700000009', 'wx:zhangwei_shop',   'zh-CN', 'UNDER_PRESSURE', 'sales'),
(10, '陈静',                           'INDIVIDUAL', 'chenjing@mail.example.cn',        '+8613600000010', 'qq:81600010',        'zh-CN', 'DEPENDENT',      NULL),
(11, 'Emily Carter',                   'INDIVIDUAL', 'emily@emilycarter.example',       '+12025550111',   NULL,                 'en',    'SELF_RELIANT',   NULL),
(12, 'Tom Becker',                     'INDIVIDUAL', 'tom@becker-consulting.example',   '+13125550112',   'telegram:tbecker',   'en',    'UNDER_PRESSURE', 'sales'),
(13, '深圳启明网络科技有限公司',        'RESELLER',   'noc@qiming-net.example.cn',       '+8675526000013', 'wx:qiming_noc',      'zh-CN', 'SELF_RELIANT',   'sales'),
(14, '广州万维互联信息技术有限公司',    'RESELLER',   'support@wanwei.example.cn',       '+862038000014',  'wx:wanwei_support',  'zh-CN', 'VIP',            'lead'),
(15, 'Pinecrest Web Services LLC',     'RESELLER',   'noc@pinecrest.example',           '+15035550115',   'slack:pinecrest-noc','en',    'SELF_RELIANT',   'sales'),
(16, '成都蜀锦文化传媒有限公司',        'ENTERPRISE', 'web@shujin-media.example.cn',     '+862885000016',  'wx:shujin_web',      'zh-CN', 'DEPENDENT',      'sales'),
(17, '南京明德教育咨询有限公司',        'ENTERPRISE', 'it@mingde-edu.example.cn',        '+862584000017',  'wx:mingde_it',       'zh-CN', 'UNDER_PRESSURE', 'sales'),
(18, '刘洋',                           'INDIVIDUAL', 'liuyang@liuyang-games.example.cn', '+8613500000018', 'qq:81600018',        'zh-CN', 'VIP',            'lead'),
(19, 'Greenfield Medical Clinic',      'ENTERPRISE', 'admin@greenfield-clinic.example', '+16175550119',   NULL,                 'en',    'UNDER_PRESSURE', 'sales'),
(20, '苏州恒远精密机械有限公司',        'ENTERPRISE', 'erp@hengyuan.example.cn',         '+8651265000020', 'wx:hengyuan_erp',    'zh-CN', 'DEPENDENT',      'sales'),
(21, '赵敏',                           'INDIVIDUAL', NULL,                              '+8613300000021', 'wx:zhaomin_notes',   'zh-CN', 'SELF_RELIANT',   NULL),
(22, 'Lantern Digital Agency',         'RESELLER',   'ops@lantern-digital.example',     '+441614960122',  'slack:lantern-ops',  'en',    'UNDER_PRESSURE', 'lead');

INSERT INTO subscription (id, customer_id, type, domain, ip_address, server_name, plan, monthly_price, start_date, expiry_date, state, icp_number) VALUES
-- 1 Northwind Traders
(1,  1,  'DEDICATED_RENTAL', 'northwind.example',            '203.0.113.10',   'hk-dc2-r04-u12', 'Dell PowerEdge R650, 2x Xeon Silver 4314, 128 GB, 2x 1.92 TB SSD', 3200.00, CURRENT_DATE - 400,  CURRENT_DATE + 12,  'ACTIVE',    NULL),
(2,  1,  'DOMAIN',           'northwind.example',            NULL,             NULL,             'Domain registration, annual',                         6.00,    CURRENT_DATE - 1100, CURRENT_DATE + 140, 'ACTIVE',    NULL),
(3,  1,  'CLOUD_VM',         'staging.northwind.example',    '198.51.100.21',  'vm-hk-1021',     'Cloud VM 4 vCPU / 8 GB / 100 GB SSD',                 420.00,  CURRENT_DATE - 200,  CURRENT_DATE + 165, 'ACTIVE',    NULL),
(4,  1,  'COLOCATION',       NULL,                           '203.0.113.11',   'hk-dc2-r04-u20', 'Colocation 2U, 100 Mbps, 2 A',                        1500.00, CURRENT_DATE - 700,  CURRENT_DATE + 25,  'ACTIVE',    NULL),
-- 2 上海云帆
(5,  2,  'DEDICATED_RENTAL', 'shop.yunfan.example.cn',       '192.0.2.20',     'sh-dc1-r08-u03', 'Dell PowerEdge R750, 2x Xeon Gold 6330, 256 GB, 4x 3.84 TB NVMe', 6800.00, CURRENT_DATE - 600, CURRENT_DATE + 130, 'ACTIVE', '沪ICP备2020031415号-1'),
(6,  2,  'DEDICATED_RENTAL', NULL,                           '192.0.2.21',     'sh-dc1-r08-u05', 'Dell PowerEdge R750, 2x Xeon Gold 6330, 256 GB, 4x 3.84 TB NVMe', 6800.00, CURRENT_DATE - 600, CURRENT_DATE + 130, 'ACTIVE', NULL),
(7,  2,  'CLOUD_VM',         'api.yunfan.example.cn',        '192.0.2.22',     'vm-sh-2207',     'Cloud VM 8 vCPU / 16 GB / 200 GB SSD',                860.00,  CURRENT_DATE - 150,  CURRENT_DATE + 7,   'ACTIVE',    '沪ICP备2020031415号-2'),
(8,  2,  'DOMAIN',           'yunfan.example.cn',            NULL,             NULL,             'Domain registration (.cn), annual',                   3.25,    CURRENT_DATE - 1500, CURRENT_DATE + 220, 'ACTIVE',    '沪ICP备2020031415号'),
(9,  2,  'DATABASE_SUPPORT', NULL,                           '192.0.2.21',     'sh-dc1-r08-u05', 'MySQL Gold support with on-site engineer',            4500.00, CURRENT_DATE - 300,  CURRENT_DATE + 65,  'ACTIVE',    NULL),
-- 3 杭州青禾
(10, 3,  'CLOUD_VM',         'www.qinghe-tech.example.cn',   '198.51.100.30',  'vm-hz-3001',     'Cloud VM 2 vCPU / 4 GB / 60 GB SSD',                  210.00,  CURRENT_DATE - 380,  CURRENT_DATE + 3,   'ACTIVE',    '浙ICP备2019045678号-1'),
(11, 3,  'DOMAIN',           'qinghe-tech.example.cn',       NULL,             NULL,             'Domain registration (.cn), annual',                   3.25,    CURRENT_DATE - 900,  CURRENT_DATE + 29,  'ACTIVE',    '浙ICP备2019045678号'),
-- 4 北京华信数据
(12, 4,  'DATABASE_SUPPORT', NULL,                           '203.0.113.40',   'bj-huaxin-ora01','Oracle 19c Platinum support, 24x7 on-site',            12000.00, CURRENT_DATE - 500, CURRENT_DATE + 45,  'ACTIVE',    NULL),
(13, 4,  'DATABASE_SUPPORT', NULL,                           '203.0.113.41',   'bj-huaxin-pg01', 'PostgreSQL Standard support',                         3000.00, CURRENT_DATE - 200,  CURRENT_DATE + 14,  'ACTIVE',    NULL),
(14, 4,  'COLOCATION',       NULL,                           '203.0.113.42',   'bj-dc1-r21',     'Colocation half rack (20U), 1 Gbps, 16 A',            9800.00, CURRENT_DATE - 800,  CURRENT_DATE + 200, 'ACTIVE',    NULL),
-- 5 Contoso Analytics
(15, 5,  'CLOUD_VM',         'contoso-analytics.example',    '198.51.100.50',  'vm-hk-5001',     'Cloud VM 16 vCPU / 64 GB / 500 GB SSD',               2600.00, CURRENT_DATE - 90,   CURRENT_DATE + 275, 'ACTIVE',    NULL),
(16, 5,  'CLOUD_VM',         'ci.contoso-analytics.example', '198.51.100.51',  'vm-hk-5002',     'Cloud VM 4 vCPU / 8 GB / 100 GB SSD',                 420.00,  CURRENT_DATE - 400,  CURRENT_DATE - 35,  'CANCELLED', NULL),
(17, 5,  'DOMAIN',           'contoso-analytics.example',    NULL,             NULL,             'Domain registration, annual',                         6.00,    CURRENT_DATE - 1000, CURRENT_DATE + 60,  'ACTIVE',    NULL),
-- 6 Bluewater Logistics
(18, 6,  'DEDICATED_RENTAL', 'portal.bluewater.example',     '203.0.113.60',   'hk-dc2-r10-u01', 'HPE ProLiant DL380 Gen10 Plus, 2x Xeon Gold 5318Y, 192 GB', 5200.00, CURRENT_DATE - 730, CURRENT_DATE + 20, 'ACTIVE', NULL),
(19, 6,  'COLOCATION',       NULL,                           '203.0.113.61',   'hk-dc2-r11',     'Colocation full rack (42U), 1 Gbps, 32 A',            16000.00, CURRENT_DATE - 730, CURRENT_DATE + 350, 'ACTIVE',    NULL),
(20, 6,  'DATABASE_SUPPORT', NULL,                           '203.0.113.60',   'hk-dc2-r10-u01', 'SQL Server Gold support with on-site engineer',       4800.00, CURRENT_DATE - 365,  CURRENT_DATE + 1,   'ACTIVE',    NULL),
-- 7 王磊
(21, 7,  'VIRTUAL_HOST',     'wanglei-blog.example.cn',      '192.0.2.70',     'vh-sh-03',       'Virtual host Basic (1 GB, 1 site)',                   15.00,   CURRENT_DATE - 700,  CURRENT_DATE + 9,   'ACTIVE',    '沪ICP备2018070001号-1'),
(22, 7,  'DOMAIN',           'wanglei-blog.example.cn',      NULL,             NULL,             'Domain registration (.cn), annual',                   3.25,    CURRENT_DATE - 700,  CURRENT_DATE + 9,   'ACTIVE',    '沪ICP备2018070001号'),
-- 8 李娜: both expired a few days ago, in the grace period
(23, 8,  'VIRTUAL_HOST',     'lina-studio.example.cn',       '192.0.2.70',     'vh-sh-03',       'Virtual host Business (5 GB, 5 sites)',               45.00,   CURRENT_DATE - 400,  CURRENT_DATE - 4,   'EXPIRED',   '沪ICP备2021088002号-1'),
(24, 8,  'DOMAIN',           'lina-studio.example.cn',       NULL,             NULL,             'Domain registration (.cn), annual',                   3.25,    CURRENT_DATE - 400,  CURRENT_DATE - 4,   'EXPIRED',   '沪ICP备2021088002号'),
-- 9 张伟: the old shop was suspended after the grace period
(25, 9,  'CLOUD_VM',         'zhangwei-shop.example.cn',     '198.51.100.90',  'vm-sh-9001',     'Cloud VM 2 vCPU / 4 GB / 60 GB SSD',                  210.00,  CURRENT_DATE - 250,  CURRENT_DATE + 18,  'ACTIVE',    '苏ICP备2022010203号-1'),
(26, 9,  'VIRTUAL_HOST',     'old.zhangwei-shop.example.cn', '192.0.2.71',     'vh-sh-05',       'Virtual host Basic (1 GB, 1 site)',                   15.00,   CURRENT_DATE - 800,  CURRENT_DATE - 50,  'SUSPENDED', '苏ICP备2022010203号-2'),
(27, 9,  'DOMAIN',           'zhangwei-shop.example.cn',     NULL,             NULL,             'Domain registration (.cn), annual',                   3.25,    CURRENT_DATE - 800,  CURRENT_DATE + 110, 'ACTIVE',    '苏ICP备2022010203号'),
-- 10 陈静: paid, but suspended until the ICP filing is approved
(28, 10, 'VIRTUAL_HOST',     'chenjing-photo.example.cn',    '192.0.2.71',     'vh-sh-05',       'Virtual host Business (5 GB, 5 sites)',               45.00,   CURRENT_DATE - 30,   CURRENT_DATE + 335, 'SUSPENDED', NULL),
(29, 10, 'DOMAIN',           'chenjing-photo.example.cn',    NULL,             NULL,             'Domain registration (.cn), annual',                   3.25,    CURRENT_DATE - 30,   CURRENT_DATE + 335, 'ACTIVE',    NULL),
-- 11 Emily Carter
(30, 11, 'VIRTUAL_HOST',     'emilycarter.example',          '192.0.2.72',     'vh-hk-01',       'Virtual host Basic (1 GB, 1 site)',                   15.00,   CURRENT_DATE - 500,  CURRENT_DATE + 230, 'ACTIVE',    NULL),
(31, 11, 'DOMAIN',           'emilycarter.example',          NULL,             NULL,             'Domain registration, annual',                         6.00,    CURRENT_DATE - 500,  CURRENT_DATE + 5,   'ACTIVE',    NULL),
-- 12 Tom Becker
(32, 12, 'CLOUD_VM',         'becker-consulting.example',    '198.51.100.120', 'vm-hk-1201',     'Cloud VM 2 vCPU / 4 GB / 60 GB SSD',                  210.00,  CURRENT_DATE - 100,  CURRENT_DATE - 2,   'EXPIRED',   NULL),
(33, 12, 'DOMAIN',           'becker-consulting.example',    NULL,             NULL,             'Domain registration, annual',                         6.00,    CURRENT_DATE - 465,  CURRENT_DATE + 265, 'ACTIVE',    NULL),
-- 13 深圳启明网络 (reseller)
(34, 13, 'DEDICATED_RENTAL', NULL,                           '203.0.113.130',  'sz-dc3-r02-u10', 'Dell PowerEdge R650, 2x Xeon Silver 4314, 128 GB, 2x 1.92 TB SSD', 3000.00, CURRENT_DATE - 1000, CURRENT_DATE + 40, 'ACTIVE', NULL),
(35, 13, 'VIRTUAL_HOST',     NULL,                           '203.0.113.131',  'vh-sz-01',       'Reseller virtual host pack (50 sites)',               600.00,  CURRENT_DATE - 365,  CURRENT_DATE + 27,  'ACTIVE',    NULL),
(36, 13, 'CLOUD_VM',         NULL,                           '203.0.113.132',  'vm-sz-1301',     'Cloud VM 8 vCPU / 16 GB / 200 GB SSD',                860.00,  CURRENT_DATE - 60,   CURRENT_DATE + 305, 'ACTIVE',    NULL),
-- 14 广州万维互联 (reseller, VIP): one rack is in the grace period while the renewal is negotiated
(37, 14, 'COLOCATION',       NULL,                           '203.0.113.140',  'gz-dc1-r30',     'Colocation full rack (42U), 1 Gbps, 32 A',            15000.00, CURRENT_DATE - 1200, CURRENT_DATE + 95, 'ACTIVE',    NULL),
(38, 14, 'COLOCATION',       NULL,                           '203.0.113.141',  'gz-dc1-r31',     'Colocation full rack (42U), 1 Gbps, 32 A',            15000.00, CURRENT_DATE - 1200, CURRENT_DATE - 8,  'EXPIRED',   NULL),
(39, 14, 'DEDICATED_RENTAL', 'www.wanwei.example.cn',        '203.0.113.142',  'gz-dc1-r12-u08', 'HPE ProLiant DL360 Gen10, 2x Xeon Silver 4210R, 64 GB', 2400.00, CURRENT_DATE - 300, CURRENT_DATE + 65, 'ACTIVE', '粤ICP备2017123456号-1'),
-- 15 Pinecrest Web Services (reseller)
(40, 15, 'VIRTUAL_HOST',     NULL,                           '192.0.2.73',     'vh-hk-02',       'Reseller virtual host pack (20 sites)',               280.00,  CURRENT_DATE - 400,  CURRENT_DATE + 22,  'ACTIVE',    NULL),
(41, 15, 'CLOUD_VM',         NULL,                           '198.51.100.150', 'vm-hk-1501',     'Cloud VM 4 vCPU / 8 GB / 100 GB SSD',                 420.00,  CURRENT_DATE - 400,  CURRENT_DATE - 90,  'CANCELLED', NULL),
-- 16 成都蜀锦文化传媒
(42, 16, 'VIRTUAL_HOST',     'shujin-media.example.cn',      '192.0.2.74',     'vh-cd-01',       'Virtual host Business (5 GB, 5 sites)',               45.00,   CURRENT_DATE - 600,  CURRENT_DATE + 150, 'ACTIVE',    '川ICP备2019066001号-1'),
(43, 16, 'DOMAIN',           'shujin-media.example.cn',      NULL,             NULL,             'Domain registration (.cn), annual',                   3.25,    CURRENT_DATE - 600,  CURRENT_DATE + 150, 'ACTIVE',    '川ICP备2019066001号'),
-- 17 南京明德教育: unpaid after the grace period
(44, 17, 'CLOUD_VM',         'www.mingde-edu.example.cn',    '198.51.100.170', 'vm-nj-1701',     'Cloud VM 4 vCPU / 8 GB / 100 GB SSD',                 420.00,  CURRENT_DATE - 380,  CURRENT_DATE - 25,  'SUSPENDED', '苏ICP备2020077007号-1'),
-- 18 刘洋 (VIP individual)
(45, 18, 'DEDICATED_RENTAL', 'liuyang-games.example.cn',     '203.0.113.180',  'sh-dc1-r15-u22', 'Dell PowerEdge R650, 2x Xeon Silver 4314, 128 GB, 2x 1.92 TB SSD', 3200.00, CURRENT_DATE - 450, CURRENT_DATE + 11, 'ACTIVE', '沪ICP备2021099009号-1'),
(46, 18, 'DOMAIN',           'liuyang-games.example.cn',     NULL,             NULL,             'Domain registration (.cn), annual',                   3.25,    CURRENT_DATE - 450,  CURRENT_DATE + 280, 'ACTIVE',    '沪ICP备2021099009号'),
-- 19 Greenfield Medical Clinic
(47, 19, 'VIRTUAL_HOST',     'greenfield-clinic.example',    '192.0.2.75',     'vh-hk-01',       'Virtual host Business (5 GB, 5 sites)',               45.00,   CURRENT_DATE - 200,  CURRENT_DATE + 165, 'ACTIVE',    NULL),
-- 20 苏州恒远精密机械: support moved in-house
(48, 20, 'DATABASE_SUPPORT', NULL,                           '203.0.113.200',  'sz-hengyuan-erp01', 'SQL Server Standard support',                      2500.00, CURRENT_DATE - 700,  CURRENT_DATE - 150, 'CANCELLED', NULL),
-- 21 赵敏 (reachable by phone and WeChat only)
(49, 21, 'VIRTUAL_HOST',     'zhaomin-notes.example.cn',     '192.0.2.76',     'vh-sh-05',       'Virtual host Basic (1 GB, 1 site)',                   15.00,   CURRENT_DATE - 40,   CURRENT_DATE + 325, 'ACTIVE',    '沪ICP备2024012345号-1'),
-- 22 Lantern Digital Agency (reseller)
(50, 22, 'CLOUD_VM',         NULL,                           '198.51.100.220', 'vm-hk-2201',     'Cloud VM 8 vCPU / 16 GB / 200 GB SSD',                860.00,  CURRENT_DATE - 120,  CURRENT_DATE + 245, 'ACTIVE',    NULL);

-- Explicit ids above; later inserts continue after them.
ALTER TABLE customer ALTER COLUMN id RESTART WITH 1001;
ALTER TABLE subscription ALTER COLUMN id RESTART WITH 1001;
