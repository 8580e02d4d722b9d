import type { TicketPriority, TicketType } from '../../common/domain.ts';

/** A demo ticket and what happens to it, in the customer's language. */
export interface DemoTicket {
  requester: string;
  subject: string;
  body: string;
  type: TicketType;
  priority: TicketPriority;
  category: string;
  service?: string;
  channel?: 'phone';
  /** What happens next: assigned to the engineer, answered, resolved, closed. */
  flow: ('assign' | 'reply' | 'note' | 'wait' | 'resolve' | 'close')[];
  reply?: string;
  solution?: string;
}

export const DEMO_PASSWORD = 'demo1234';

export const DEMO_USERS = [
  { email: 'customer@acme.example', name: 'Alice Carter', role: 'customer', locale: 'en' },
  { email: 'olena@acme.example', name: 'Олена Коваленко', role: 'customer', locale: 'uk' },
  { email: 'dmitry@acme.example', name: 'Дмитрий Соколов', role: 'customer', locale: 'ru' },
  { email: 'ana@acme.example', name: 'Ana Popescu', role: 'customer', locale: 'ro' },
  { email: 'wei@acme.example', name: '王伟', role: 'customer', locale: 'zh' },
  { email: 'operator@frontdesk.example', name: 'Oscar Operator', role: 'operator', locale: 'en' },
  { email: 'engineer@frontdesk.example', name: 'Erin Engineer', role: 'engineer', locale: 'en' },
  { email: 'manager@frontdesk.example', name: 'Maria Manager', role: 'manager', locale: 'en' },
  { email: 'admin@frontdesk.example', name: 'Adam Admin', role: 'admin', locale: 'en' },
] as const;

export const DEMO_CATEGORIES = ['Hardware', 'Software', 'Network', 'Accounts and access', 'E-mail'];

export const DEMO_SERVICES = [
  { name: 'E-mail and calendar', description: 'Mailboxes, shared calendars, distribution lists.', tier: 1 },
  { name: 'VPN and remote access', description: 'Remote access to the office network.', tier: 2 },
  { name: 'Printing', description: 'Office printers, scanners and copiers.', tier: 1 },
  { name: 'ERP (1C)', description: 'Accounting and warehouse system.', tier: 2 },
  { name: 'Workstations', description: 'Laptops, desktops and their software.', tier: 1 },
];

export const DEMO_TICKETS: DemoTicket[] = [
  {
    requester: 'customer@acme.example',
    subject: 'Printer on the 3rd floor prints blank pages',
    body: 'Since this morning the HP printer near the kitchen prints only blank pages. Toner was replaced last week.',
    type: 'incident',
    priority: 'high',
    category: 'Hardware',
    service: 'Printing',
    flow: ['assign', 'reply', 'resolve'],
    reply: 'We are sending a technician to check the drum unit.',
    solution: 'Replaced the drum unit; test pages print correctly.',
  },
  {
    requester: 'customer@acme.example',
    subject: 'Need access to the shared Finance mailbox',
    body: 'Please give me read access to finance@acme.example, approved by my manager.',
    type: 'service_request',
    priority: 'normal',
    category: 'Accounts and access',
    service: 'E-mail and calendar',
    flow: [],
  },
  {
    requester: 'olena@acme.example',
    subject: 'Не працює VPN з дому',
    body: 'Добрий день! Після оновлення Windows не можу підключитися до VPN: помилка 809. Прошу допомогти.',
    type: 'incident',
    priority: 'high',
    category: 'Network',
    service: 'VPN and remote access',
    flow: ['assign', 'reply', 'wait'],
    reply: 'Будь ласка, надішліть знімок екрана з помилкою та версію клієнта VPN.',
  },
  {
    requester: 'olena@acme.example',
    subject: 'Замінити клавіатуру на ноутбуці',
    body: 'На ноутбуці не працюють клавіші Ф, І та В. Прошу замінити клавіатуру.',
    type: 'service_request',
    priority: 'low',
    category: 'Hardware',
    service: 'Workstations',
    flow: ['assign', 'resolve', 'close'],
    solution: 'Клавіатуру замінено, всі клавіші працюють.',
  },
  {
    requester: 'dmitry@acme.example',
    subject: 'Ошибка при проведении документов в 1С',
    body: 'При проведении накладной 1С выдаёт ошибку «Нарушение прав доступа». Вчера всё работало.',
    type: 'incident',
    priority: 'urgent',
    category: 'Software',
    service: 'ERP (1C)',
    flow: ['assign', 'note', 'reply'],
    reply: 'Проверяем права вашей учётной записи, ответим в течение часа.',
  },
  {
    requester: 'dmitry@acme.example',
    subject: 'Установить новую версию клиента 1С',
    body: 'Прошу обновить клиент 1С на моём компьютере до версии 8.3.25.',
    type: 'change_request',
    priority: 'normal',
    category: 'Software',
    service: 'ERP (1C)',
    channel: 'phone',
    flow: [],
  },
  {
    requester: 'ana@acme.example',
    subject: 'Nu pot accesa e-mailul de pe telefon',
    body: 'Bună ziua, de ieri nu mai primesc e-mailuri pe telefon. Pe calculator funcționează.',
    type: 'incident',
    priority: 'normal',
    category: 'E-mail',
    service: 'E-mail and calendar',
    flow: ['assign', 'reply', 'resolve'],
    reply: 'Vă rugăm să ștergeți contul din aplicație și să îl adăugați din nou.',
    solution: 'Parola aplicației a fost regenerată; sincronizarea funcționează din nou.',
  },
  {
    requester: 'ana@acme.example',
    subject: 'Cerere laptop nou pentru un coleg',
    body: 'Un coleg nou începe luni. Avem nevoie de un laptop configurat cu acces la ERP.',
    type: 'service_request',
    priority: 'normal',
    category: 'Hardware',
    service: 'Workstations',
    flow: ['assign'],
  },
  {
    requester: 'wei@acme.example',
    subject: '打印机无法连接',
    body: '您好，二楼的打印机无法连接，电脑显示“打印机脱机”。请尽快处理，谢谢。',
    type: 'incident',
    priority: 'high',
    category: 'Hardware',
    service: 'Printing',
    flow: ['assign', 'reply'],
    reply: '我们已经收到您的请求，技术人员将在今天下午到场检查。',
  },
  {
    requester: 'wei@acme.example',
    subject: '申请开通共享文件夹权限',
    body: '请为我开通“采购部”共享文件夹的读写权限。',
    type: 'service_request',
    priority: 'low',
    category: 'Accounts and access',
    flow: [],
  },
  {
    requester: 'customer@acme.example',
    subject: 'Wi-Fi drops every few minutes in meeting room B',
    body: 'During calls in meeting room B the Wi-Fi disconnects every 3-5 minutes.',
    type: 'incident',
    priority: 'normal',
    category: 'Network',
    flow: ['assign', 'note'],
  },
  {
    requester: 'olena@acme.example',
    subject: 'Запит на новий монітор',
    body: 'Прошу видати другий монітор для роботи з кресленнями.',
    type: 'service_request',
    priority: 'low',
    category: 'Hardware',
    service: 'Workstations',
    flow: [],
  },
];
