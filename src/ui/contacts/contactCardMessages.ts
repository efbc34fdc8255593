// Messages of The contact card's editing: its fields, lookups and groups, and why a value is refused.
import type { MessageCatalog } from '../common/i18n';

const en = {
  // The code field of BC's Contact Mailing Groups page (and its siblings): the lookup that adds one.
  'contactCard.code.mailingGroups': 'Mailing Group Code',
  'contactCard.code.industryGroups': 'Industry Group Code',
  'contactCard.code.jobResponsibilities': 'Job Responsibility Code',
  'contactCard.code.businessRelations': 'Business Relation Code',
  'contactCard.alreadyHas': 'Contact {no} already has {code} in {list}.',
};

const it: typeof en = {
  'contactCard.code.mailingGroups': 'Cod. gruppo mailing',
  'contactCard.code.industryGroups': 'Cod. settore industriale',
  'contactCard.code.jobResponsibilities': 'Cod. ruolo professionale',
  'contactCard.code.businessRelations': 'Cod. relazione d’affari',
  'contactCard.alreadyHas': 'Il contatto {no} ha già {code} in {list}.',
};

export const contactCardMessages: MessageCatalog = { en, it };
