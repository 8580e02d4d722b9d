import type { Locale } from '../../../common/domain.ts';

/** Every sentence of the mails Frontdesk sends, in the five interface languages. */
export interface MailTexts {
  greeting: string;
  receivedSubject: string;
  receivedBody: string;
  replySubject: string;
  resolvedSubject: string;
  resolvedBody: string;
  resolvedConfirm: string;
  solutionLabel: string;
  closedSubject: string;
  closedBody: string;
  replyHint: string;
  viewOnline: string;
  resetSubject: string;
  resetBody: string;
  resetIgnore: string;
  confirmSubject: string;
  confirmBody: string;
  confirmOrganization: string;
  confirmAction: string;
  confirmIgnore: string;
  /** The confirmation page asks for the registration's password (ADR 0026 addendum). */
  confirmPassword: string;
  /** The way to an account of one's own for whoever gets the mail without having registered. */
  confirmNotYou: string;
  /** Registration with an address that already has an account (ADR 0026). */
  noticeSubject: string;
  noticeBody: string;
  noticeSignIn: string;
  noticeForgot: string;
  /** The same, to a contact created from mail who has no password yet. */
  noticeContactBody: string;
  noticeContactAction: string;
  noticeSetPassword: string;
  noticeIgnore: string;
}

/** `{name}`, `{number}`, `{subject}`, `{hours}` are filled in by the composer. */
export const MAIL_TEXTS: Record<Locale, MailTexts> = {
  en: {
    greeting: 'Hello {name},',
    receivedSubject: 'We received your request: {subject}',
    receivedBody:
      'Thank you for contacting us. Your request has the number #{number}; we will answer as soon as we can.',
    replySubject: 'Re: {subject}',
    resolvedSubject: 'Your request is resolved: {subject}',
    resolvedBody: 'We believe your request #{number} is resolved.',
    resolvedConfirm:
      'Please confirm the solution in the portal. If the problem remains, just reply to this e-mail and we will keep working on it.',
    solutionLabel: 'Solution',
    closedSubject: 'Your request is closed: {subject}',
    closedBody:
      'Your request #{number} is now closed. If you need anything else, reply to this e-mail or open a new request.',
    replyHint: 'You can reply to this e-mail to add information to your request.',
    viewOnline: 'View your request online',
    resetSubject: 'Set your Frontdesk password',
    resetBody:
      'Someone (hopefully you) asked to set a password for this e-mail address. The link is valid for {hours} hours:',
    resetIgnore: 'If you did not ask for this, ignore this e-mail; nothing changes.',
    confirmSubject: 'Confirm your e-mail address',
    confirmBody:
      'Thank you for registering. Please confirm that this e-mail address is yours with the link below; it is valid for {hours} hours.',
    confirmOrganization: 'Once it is confirmed, the portal also shows you the requests your organization shares.',
    confirmAction: 'Confirm my e-mail address',
    confirmIgnore: 'If you did not register, ignore this e-mail; the address stays unconfirmed.',
    confirmPassword: 'To confirm, enter the password you chose when you registered.',
    confirmNotYou: 'Did not register, but want an account with this address? Set a password',
    noticeSubject: 'Someone tried to register with your e-mail address',
    noticeBody:
      'Someone (maybe you) tried to create a new Frontdesk account with this e-mail address. You already have an account, so no new one was created and nothing about your account changed.',
    noticeSignIn: 'Sign in to your account',
    noticeForgot: 'Forgot your password? Set a new one',
    noticeContactBody:
      'Someone (maybe you) tried to create a Frontdesk account with this e-mail address. We already know it from your e-mails to our support: your requests are filed under it, so no new account was created.',
    noticeContactAction:
      'To follow your requests in the portal, set a password with the link below; it is valid for {hours} hours.',
    noticeSetPassword: 'Set my password',
    noticeIgnore: 'If it was not you, ignore this e-mail; nothing changes and nobody gets into your account.',
  },
  uk: {
    greeting: 'Вітаємо, {name}!',
    receivedSubject: 'Ми отримали ваше звернення: {subject}',
    receivedBody: 'Дякуємо, що звернулися до нас. Ваше звернення має номер #{number}; ми відповімо якнайшвидше.',
    replySubject: 'Re: {subject}',
    resolvedSubject: 'Ваше звернення вирішено: {subject}',
    resolvedBody: 'Ми вважаємо, що ваше звернення #{number} вирішено.',
    resolvedConfirm:
      'Будь ласка, підтвердьте рішення на порталі. Якщо проблема залишилася, просто дайте відповідь на цей лист, і ми продовжимо роботу.',
    solutionLabel: 'Рішення',
    closedSubject: 'Ваше звернення закрито: {subject}',
    closedBody:
      'Ваше звернення #{number} закрито. Якщо вам потрібно щось іще, дайте відповідь на цей лист або створіть нове звернення.',
    replyHint: 'Ви можете відповісти на цей лист, щоб додати інформацію до звернення.',
    viewOnline: 'Переглянути звернення онлайн',
    resetSubject: 'Встановіть пароль Frontdesk',
    resetBody: 'Хтось (сподіваємося, ви) попросив встановити пароль для цієї адреси. Посилання дійсне {hours} год.:',
    resetIgnore: 'Якщо ви цього не просили, просто проігноруйте лист; нічого не зміниться.',
    confirmSubject: 'Підтвердьте свою адресу електронної пошти',
    confirmBody:
      'Дякуємо за реєстрацію. Будь ласка, підтвердьте, що ця адреса належить вам, за посиланням нижче; воно дійсне {hours} год.',
    confirmOrganization:
      'Після підтвердження портал також показуватиме вам звернення, якими ділиться ваша організація.',
    confirmAction: 'Підтвердити мою адресу',
    confirmIgnore: 'Якщо ви не реєструвалися, просто проігноруйте цей лист; адреса залишиться непідтвердженою.',
    confirmPassword: 'Щоб підтвердити адресу, введіть пароль, який ви обрали під час реєстрації.',
    confirmNotYou: 'Не реєструвалися, але хочете обліковий запис із цією адресою? Встановіть пароль',
    noticeSubject: 'Хтось намагався зареєструватися з вашою адресою електронної пошти',
    noticeBody:
      'Хтось (можливо, ви) намагався створити новий обліковий запис Frontdesk із цією адресою. У вас уже є обліковий запис, тому новий не створено, а у вашому нічого не змінилося.',
    noticeSignIn: 'Увійти до облікового запису',
    noticeForgot: 'Забули пароль? Встановіть новий',
    noticeContactBody:
      'Хтось (можливо, ви) намагався створити обліковий запис Frontdesk із цією адресою. Ми вже знаємо її з ваших листів до служби підтримки: ваші звернення зберігаються під нею, тому новий обліковий запис не створено.',
    noticeContactAction:
      'Щоб стежити за своїми зверненнями на порталі, встановіть пароль за посиланням нижче; воно дійсне {hours} год.',
    noticeSetPassword: 'Встановити пароль',
    noticeIgnore:
      'Якщо це були не ви, просто проігноруйте цей лист; нічого не зміниться, і ніхто не отримає доступу до вашого облікового запису.',
  },
  ru: {
    greeting: 'Здравствуйте, {name}!',
    receivedSubject: 'Мы получили ваше обращение: {subject}',
    receivedBody:
      'Спасибо, что обратились к нам. Вашему обращению присвоен номер #{number}; мы ответим как можно скорее.',
    replySubject: 'Re: {subject}',
    resolvedSubject: 'Ваше обращение решено: {subject}',
    resolvedBody: 'Мы считаем, что ваше обращение #{number} решено.',
    resolvedConfirm:
      'Пожалуйста, подтвердите решение на портале. Если проблема осталась, просто ответьте на это письмо, и мы продолжим работу.',
    solutionLabel: 'Решение',
    closedSubject: 'Ваше обращение закрыто: {subject}',
    closedBody:
      'Ваше обращение #{number} закрыто. Если вам нужно что-то ещё, ответьте на это письмо или создайте новое обращение.',
    replyHint: 'Вы можете ответить на это письмо, чтобы добавить информацию к обращению.',
    viewOnline: 'Посмотреть обращение онлайн',
    resetSubject: 'Установите пароль Frontdesk',
    resetBody: 'Кто-то (надеемся, вы) попросил установить пароль для этого адреса. Ссылка действительна {hours} ч.:',
    resetIgnore: 'Если вы этого не запрашивали, просто проигнорируйте письмо; ничего не изменится.',
    confirmSubject: 'Подтвердите свой адрес электронной почты',
    confirmBody:
      'Спасибо за регистрацию. Пожалуйста, подтвердите, что этот адрес принадлежит вам, по ссылке ниже; она действительна {hours} ч.',
    confirmOrganization:
      'После подтверждения портал также будет показывать вам обращения, которыми делится ваша организация.',
    confirmAction: 'Подтвердить мой адрес',
    confirmIgnore: 'Если вы не регистрировались, просто проигнорируйте это письмо; адрес останется неподтверждённым.',
    confirmPassword: 'Чтобы подтвердить адрес, введите пароль, который вы выбрали при регистрации.',
    confirmNotYou: 'Не регистрировались, но хотите учётную запись с этим адресом? Установите пароль',
    noticeSubject: 'Кто-то пытался зарегистрироваться с вашим адресом электронной почты',
    noticeBody:
      'Кто-то (возможно, вы) пытался создать новую учётную запись Frontdesk с этим адресом. У вас уже есть учётная запись, поэтому новая не создана, а в вашей ничего не изменилось.',
    noticeSignIn: 'Войти в учётную запись',
    noticeForgot: 'Забыли пароль? Установите новый',
    noticeContactBody:
      'Кто-то (возможно, вы) пытался создать учётную запись Frontdesk с этим адресом. Мы уже знаем его по вашим письмам в службу поддержки: ваши обращения хранятся под ним, поэтому новая учётная запись не создана.',
    noticeContactAction:
      'Чтобы следить за своими обращениями на портале, установите пароль по ссылке ниже; она действительна {hours} ч.',
    noticeSetPassword: 'Установить пароль',
    noticeIgnore:
      'Если это были не вы, просто проигнорируйте письмо; ничего не изменится, и никто не получит доступа к вашей учётной записи.',
  },
  ro: {
    greeting: 'Bună ziua, {name},',
    receivedSubject: 'Am primit solicitarea dumneavoastră: {subject}',
    receivedBody:
      'Vă mulțumim că ne-ați contactat. Solicitarea dumneavoastră are numărul #{number}; vă vom răspunde cât mai curând.',
    replySubject: 'Re: {subject}',
    resolvedSubject: 'Solicitarea dumneavoastră a fost rezolvată: {subject}',
    resolvedBody: 'Considerăm că solicitarea #{number} a fost rezolvată.',
    resolvedConfirm:
      'Vă rugăm să confirmați soluția în portal. Dacă problema persistă, răspundeți la acest e-mail și vom continua să lucrăm la ea.',
    solutionLabel: 'Soluție',
    closedSubject: 'Solicitarea dumneavoastră a fost închisă: {subject}',
    closedBody:
      'Solicitarea #{number} este acum închisă. Dacă mai aveți nevoie de ceva, răspundeți la acest e-mail sau deschideți o solicitare nouă.',
    replyHint: 'Puteți răspunde la acest e-mail pentru a adăuga informații la solicitare.',
    viewOnline: 'Vedeți solicitarea online',
    resetSubject: 'Setați parola Frontdesk',
    resetBody:
      'Cineva (sperăm că dumneavoastră) a cerut setarea unei parole pentru această adresă. Linkul este valabil {hours} ore:',
    resetIgnore: 'Dacă nu ați cerut acest lucru, ignorați acest e-mail; nu se schimbă nimic.',
    confirmSubject: 'Confirmați adresa de e-mail',
    confirmBody:
      'Vă mulțumim pentru înregistrare. Vă rugăm să confirmați că această adresă de e-mail vă aparține, folosind linkul de mai jos; este valabil {hours} ore.',
    confirmOrganization: 'După confirmare, portalul vă arată și solicitările partajate de organizația dumneavoastră.',
    confirmAction: 'Confirm adresa mea de e-mail',
    confirmIgnore: 'Dacă nu v-ați înregistrat, ignorați acest e-mail; adresa rămâne neconfirmată.',
    confirmPassword: 'Pentru a confirma, introduceți parola pe care ați ales-o la înregistrare.',
    confirmNotYou: 'Nu v-ați înregistrat, dar doriți un cont cu această adresă? Setați o parolă',
    noticeSubject: 'Cineva a încercat să se înregistreze cu adresa dumneavoastră de e-mail',
    noticeBody:
      'Cineva (poate chiar dumneavoastră) a încercat să creeze un cont Frontdesk nou cu această adresă de e-mail. Aveți deja un cont, așa că nu s-a creat altul și nu s-a schimbat nimic în contul dumneavoastră.',
    noticeSignIn: 'Conectați-vă la cont',
    noticeForgot: 'Ați uitat parola? Setați una nouă',
    noticeContactBody:
      'Cineva (poate chiar dumneavoastră) a încercat să creeze un cont Frontdesk cu această adresă de e-mail. O cunoaștem deja din mesajele trimise echipei de asistență: solicitările dumneavoastră sunt înregistrate sub ea, așa că nu s-a creat un cont nou.',
    noticeContactAction:
      'Pentru a urmări solicitările în portal, setați o parolă folosind linkul de mai jos; este valabil {hours} ore.',
    noticeSetPassword: 'Setez parola',
    noticeIgnore:
      'Dacă nu ați fost dumneavoastră, ignorați acest e-mail; nu se schimbă nimic și nimeni nu primește acces la contul dumneavoastră.',
  },
  zh: {
    greeting: '{name}，您好：',
    receivedSubject: '我们已收到您的请求：{subject}',
    receivedBody: '感谢您联系我们。您的请求编号为 #{number}，我们会尽快答复。',
    replySubject: '回复：{subject}',
    resolvedSubject: '您的请求已解决：{subject}',
    resolvedBody: '我们认为您的请求 #{number} 已经解决。',
    resolvedConfirm: '请在门户中确认解决方案。如果问题仍然存在，直接回复此邮件，我们会继续处理。',
    solutionLabel: '解决方案',
    closedSubject: '您的请求已关闭：{subject}',
    closedBody: '您的请求 #{number} 已关闭。如需其他帮助，请回复此邮件或提交新请求。',
    replyHint: '您可以回复此邮件，为请求补充信息。',
    viewOnline: '在线查看您的请求',
    resetSubject: '设置您的 Frontdesk 密码',
    resetBody: '有人（希望是您本人）请求为此邮箱地址设置密码。链接在 {hours} 小时内有效：',
    resetIgnore: '如果这不是您的请求，请忽略此邮件，不会有任何变化。',
    confirmSubject: '请确认您的电子邮箱地址',
    confirmBody: '感谢您的注册。请通过下面的链接确认此邮箱地址属于您；链接在 {hours} 小时内有效。',
    confirmOrganization: '确认后，您还可以在门户中看到您所在组织共享的请求。',
    confirmAction: '确认我的邮箱地址',
    confirmIgnore: '如果您没有注册过，请忽略此邮件；该地址将保持未确认状态。',
    confirmPassword: '确认时，请输入您注册时设置的密码。',
    confirmNotYou: '没有注册过，但想用此地址开设账户？请设置密码',
    noticeSubject: '有人尝试使用您的邮箱地址注册',
    noticeBody:
      '有人（也许是您本人）尝试使用此邮箱地址创建新的 Frontdesk 账户。您已经有一个账户，因此没有创建新账户，您的账户也没有任何变化。',
    noticeSignIn: '登录您的账户',
    noticeForgot: '忘记密码？设置新密码',
    noticeContactBody:
      '有人（也许是您本人）尝试使用此邮箱地址创建 Frontdesk 账户。我们已通过您发给客服的邮件知道这个地址：您的请求都记录在该地址下，因此没有创建新账户。',
    noticeContactAction: '如需在门户中跟进您的请求，请通过下面的链接设置密码；链接在 {hours} 小时内有效。',
    noticeSetPassword: '设置我的密码',
    noticeIgnore: '如果这不是您本人的操作，请忽略此邮件；不会有任何变化，也没有人能进入您的账户。',
  },
};

/** Fills `{key}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** The texts for a user's locale (English for anything unknown). */
export function textsFor(locale: string): MailTexts {
  return MAIL_TEXTS[(locale in MAIL_TEXTS ? locale : 'en') as Locale];
}
