import type { Locale } from '../../../common/domain.ts';
import enAdmin from './locales/en/admin.json' with { type: 'json' };
import enAgent from './locales/en/agent.json' with { type: 'json' };
import enAuth from './locales/en/auth.json' with { type: 'json' };
import enCanned from './locales/en/canned.json' with { type: 'json' };
import enCommon from './locales/en/common.json' with { type: 'json' };
import enInbox from './locales/en/inbox.json' with { type: 'json' };
import enKb from './locales/en/kb.json' with { type: 'json' };
import enMail from './locales/en/mail.json' with { type: 'json' };
import enNotify from './locales/en/notify.json' with { type: 'json' };
import enOrgs from './locales/en/orgs.json' with { type: 'json' };
import enPortal from './locales/en/portal.json' with { type: 'json' };
import enSearch from './locales/en/search.json' with { type: 'json' };
import enWorkflow from './locales/en/workflow.json' with { type: 'json' };
import roAdmin from './locales/ro/admin.json' with { type: 'json' };
import roAgent from './locales/ro/agent.json' with { type: 'json' };
import roAuth from './locales/ro/auth.json' with { type: 'json' };
import roCanned from './locales/ro/canned.json' with { type: 'json' };
import roCommon from './locales/ro/common.json' with { type: 'json' };
import roInbox from './locales/ro/inbox.json' with { type: 'json' };
import roKb from './locales/ro/kb.json' with { type: 'json' };
import roMail from './locales/ro/mail.json' with { type: 'json' };
import roNotify from './locales/ro/notify.json' with { type: 'json' };
import roOrgs from './locales/ro/orgs.json' with { type: 'json' };
import roPortal from './locales/ro/portal.json' with { type: 'json' };
import roSearch from './locales/ro/search.json' with { type: 'json' };
import roWorkflow from './locales/ro/workflow.json' with { type: 'json' };
import ruAdmin from './locales/ru/admin.json' with { type: 'json' };
import ruAgent from './locales/ru/agent.json' with { type: 'json' };
import ruAuth from './locales/ru/auth.json' with { type: 'json' };
import ruCanned from './locales/ru/canned.json' with { type: 'json' };
import ruCommon from './locales/ru/common.json' with { type: 'json' };
import ruInbox from './locales/ru/inbox.json' with { type: 'json' };
import ruKb from './locales/ru/kb.json' with { type: 'json' };
import ruMail from './locales/ru/mail.json' with { type: 'json' };
import ruNotify from './locales/ru/notify.json' with { type: 'json' };
import ruOrgs from './locales/ru/orgs.json' with { type: 'json' };
import ruPortal from './locales/ru/portal.json' with { type: 'json' };
import ruSearch from './locales/ru/search.json' with { type: 'json' };
import ruWorkflow from './locales/ru/workflow.json' with { type: 'json' };
import ukAdmin from './locales/uk/admin.json' with { type: 'json' };
import ukAgent from './locales/uk/agent.json' with { type: 'json' };
import ukAuth from './locales/uk/auth.json' with { type: 'json' };
import ukCanned from './locales/uk/canned.json' with { type: 'json' };
import ukCommon from './locales/uk/common.json' with { type: 'json' };
import ukInbox from './locales/uk/inbox.json' with { type: 'json' };
import ukKb from './locales/uk/kb.json' with { type: 'json' };
import ukMail from './locales/uk/mail.json' with { type: 'json' };
import ukNotify from './locales/uk/notify.json' with { type: 'json' };
import ukOrgs from './locales/uk/orgs.json' with { type: 'json' };
import ukPortal from './locales/uk/portal.json' with { type: 'json' };
import ukSearch from './locales/uk/search.json' with { type: 'json' };
import ukWorkflow from './locales/uk/workflow.json' with { type: 'json' };
import zhAdmin from './locales/zh/admin.json' with { type: 'json' };
import zhAgent from './locales/zh/agent.json' with { type: 'json' };
import zhAuth from './locales/zh/auth.json' with { type: 'json' };
import zhCanned from './locales/zh/canned.json' with { type: 'json' };
import zhCommon from './locales/zh/common.json' with { type: 'json' };
import zhInbox from './locales/zh/inbox.json' with { type: 'json' };
import zhKb from './locales/zh/kb.json' with { type: 'json' };
import zhMail from './locales/zh/mail.json' with { type: 'json' };
import zhNotify from './locales/zh/notify.json' with { type: 'json' };
import zhOrgs from './locales/zh/orgs.json' with { type: 'json' };
import zhPortal from './locales/zh/portal.json' with { type: 'json' };
import zhSearch from './locales/zh/search.json' with { type: 'json' };
import zhWorkflow from './locales/zh/workflow.json' with { type: 'json' };

/**
 * The files are split by area to stay readable, but merged into one namespace: each file's
 * top-level keys are distinct (common.json: `status`, `field`…; portal.json: `portal`…).
 * All five languages are bundled; together they are a few dozen kilobytes.
 */
export const resources: Record<Locale, { translation: Record<string, unknown> }> = {
  en: {
    translation: {
      ...enCommon,
      ...enAuth,
      ...enPortal,
      ...enAgent,
      ...enAdmin,
      ...enOrgs,
      ...enWorkflow,
      ...enMail,
      ...enNotify,
      ...enInbox,
      ...enKb,
      ...enCanned,
      ...enSearch,
    },
  },
  uk: {
    translation: {
      ...ukCommon,
      ...ukAuth,
      ...ukPortal,
      ...ukAgent,
      ...ukAdmin,
      ...ukOrgs,
      ...ukWorkflow,
      ...ukMail,
      ...ukNotify,
      ...ukInbox,
      ...ukKb,
      ...ukCanned,
      ...ukSearch,
    },
  },
  ru: {
    translation: {
      ...ruCommon,
      ...ruAuth,
      ...ruPortal,
      ...ruAgent,
      ...ruAdmin,
      ...ruOrgs,
      ...ruWorkflow,
      ...ruMail,
      ...ruNotify,
      ...ruInbox,
      ...ruKb,
      ...ruCanned,
      ...ruSearch,
    },
  },
  ro: {
    translation: {
      ...roCommon,
      ...roAuth,
      ...roPortal,
      ...roAgent,
      ...roAdmin,
      ...roOrgs,
      ...roWorkflow,
      ...roMail,
      ...roNotify,
      ...roInbox,
      ...roKb,
      ...roCanned,
      ...roSearch,
    },
  },
  zh: {
    translation: {
      ...zhCommon,
      ...zhAuth,
      ...zhPortal,
      ...zhAgent,
      ...zhAdmin,
      ...zhOrgs,
      ...zhWorkflow,
      ...zhMail,
      ...zhNotify,
      ...zhInbox,
      ...zhKb,
      ...zhCanned,
      ...zhSearch,
    },
  },
};
