import type { Helpers, Phrases } from './render';
import { counts, uncounted } from './render-en';
import type { TraceParams } from './types';

const RULES: Record<string, string> = {
  out: 'Règle intégrée « statut à un e-mail depuis le ticket »',
  in: 'Règle intégrée « statut à une réponse dans le fil du ticket »',
  reopen: 'Règle intégrée « statut à une réponse après réouverture »',
};
const TARGETS: Record<string, string> = { firstResponse: 'première réponse', close: 'clôture' };

const prop = (p: unknown) => PHRASES_FR.properties[String(p)] ?? String(p);

function awaited(p: TraceParams, h: Helpers): string {
  if (p.event === 'contactReplied') return 'que le contact réponde';
  return p.status ? `que le statut devienne ${h.status(p.status)}` : 'que le statut change';
}

/**
 * "sa" and a ticket date's name (all of them feminine: date, échéance), or "son" before a vowel, as
 * French writes it: "sa date de création", "son échéance de clôture".
 */
function its(property: unknown): string {
  const name = prop(property);
  return `${/^[aeiouyéèêëàâîïôûh]/i.test(name) ? 'son' : 'sa'} ${name}`;
}

function offset(p: TraceParams, h: Helpers): string {
  const amount = Number(p.offset);
  if (!amount) return its(p.property);
  return `${h.count(Math.abs(amount), String(p.unit))} ${amount < 0 ? 'avant' : 'après'} ${its(p.property)}`;
}

const next = (p: TraceParams, h: Helpers) => (p.next === null ? ', qui est vide' : ` à ${h.action(p.next)}`);
const ticketRef = (p: TraceParams, h: Helpers) => (p.ticketOf ? `le ticket de la conversation ${p.ticketOf}` : `le ticket ${h.entry.ticket ?? '?'}`);

function rejection(p: TraceParams, h: Helpers): string {
  switch (p.reason) {
    case 'halted':
      return "la protection contre les boucles a arrêté l'automatisation de ce ticket pour le reste de la simulation";
    case 'haltedMinute':
      return "la protection contre les boucles a arrêté l'automatisation de ce ticket pour le reste de cette minute";
    case 'stillEnrolled':
      return 'le ticket est encore inscrit (jamais réinscrit tant qu’il est inscrit)';
    case 'noReenroll':
      return 'le ticket s’est déjà inscrit et la réinscription est désactivée';
    default:
      return `les filtres d'inscription ont échoué : ${h.filters(p)}`;
  }
}

function cause(p: TraceParams, h: Helpers): string {
  switch (p.cause) {
    case 'movedChannel':
      return `nouvelle conversation sur ${h.channel(p.channel)}, déplacé vers le help desk`;
    case 'movingChannel':
      return `nouvelle conversation sur ${h.channel(p.channel)}, en cours de déplacement vers le help desk`;
    case 'moveHistory': {
      const owner =
        p.ownerRule === 'none'
          ? "la conversation n'avait pas de propriétaire"
          : p.ownerRule === 'kept'
            ? `propriétaire ${h.user(p.owner)} conservé (a accès au help desk)`
            : `le propriétaire ${h.user(p.previousOwner)} n'a pas accès au help desk, le ticket n'est donc pas attribué`;
      return `conversation ${p.state === 'open' ? 'ouverte' : 'fermée'} ${p.conversation} déplacée sans ticket (créé au début de la conversation, ${h.status(p.status)} ; ${owner})`;
    }
    default:
      return `nouvelle conversation sur ${h.channel(p.channel)}`;
  }
}

/** French. */
export const PHRASES_FR: Phrases = {
  units: {
    problems: { one: 'problème', other: 'problèmes' },
    errors: { one: 'erreur', other: 'erreurs' },
    levels: { one: 'niveau', other: 'niveaux' },
    characters: { one: 'caractère', other: 'caractères' },
    items: { one: 'élément', other: 'éléments' },
    minutes: { one: 'minute', other: 'minutes' },
    hours: { one: 'heure', other: 'heures' },
    days: { one: 'jour', other: 'jours' },
    weeks: { one: 'semaine', other: 'semaines' },
    actions: { one: 'action', other: 'actions' },
    paths: { one: 'chemin', other: 'chemins' },
    groups: { one: 'groupe', other: 'groupes' },
    steps: { one: 'étape', other: 'étapes' },
  },
  rules: {
    create: {
      name: 'Création de tickets',
      explanation: 'Un ticket est créé pour chaque nouvelle conversation entrante sur un canal dont la création de tickets est activée, dans un pipeline qui crée des tickets pour les nouvelles conversations.',
    },
    out: {
      name: 'Statut à un e-mail depuis le ticket',
      explanation:
        'Quand un agent écrit au contact depuis la fiche du ticket, la mise à jour intégrée du pipeline change le statut du ticket, si elle est activée dans Paramètres → Automatiser. Un e-mail envoyé depuis la fiche du contact ne change jamais le statut.',
    },
    in: {
      name: 'Statut à une réponse dans le fil du ticket',
      explanation:
        'Quand le contact répond dans le fil où le ticket a été créé, la mise à jour intégrée du pipeline change le statut du ticket, si elle est activée dans Paramètres → Automatiser. Une réponse dans un autre fil ne change rien.',
    },
    reopen: {
      name: 'Statut à une réponse après réouverture',
      explanation: 'Une fois un ticket rouvert, une réponse dans un fil commencé après la réouverture compte aussi comme une réponse dans le fil du ticket.',
    },
    chat: {
      name: 'Exclusion du chat et de Messenger',
      explanation:
        'Les tickets du chat en direct et de Messenger sont exclus des actions automatiques, sauf si l’inscription du workflow nomme cette source : un déclencheur de conversation démarrée qui la liste, ou un filtre de source qui la nomme.',
    },
    move: {
      name: 'Déplacement de canal',
      explanation:
        'Un canal déplacé vers le help desk emmène ses conversations comme choisi ; une conversation ne compte que sous son canal le plus récent. Les paramètres du canal gardent leurs valeurs, et chaque nouvelle conversation sur ce canal arrive avec un ticket.',
    },
    runaway: {
      name: 'Garde-fou anti-boucle',
      explanation:
        'Pour arrêter les workflows qui se déclenchent l’un l’autre, un ticket exécute un nombre limité d’actions par minute virtuelle et par simulation ; au-delà, ses exécutions s’arrêtent et il ne s’inscrit à rien pendant ce temps.',
    },
  },
  weekdays: { sun: 'dimanche', mon: 'lundi', tue: 'mardi', wed: 'mercredi', thu: 'jeudi', fri: 'vendredi', sat: 'samedi' },
  priorities: { low: 'basse', medium: 'moyenne', high: 'haute', urgent: 'urgente' },
  properties: {
    status: 'statut',
    statusCategory: 'catégorie de statut',
    owner: 'propriétaire',
    priority: 'priorité',
    subject: 'objet',
    source: 'source',
    channel: 'canal',
    pipeline: 'pipeline',
    contact: 'contact',
    contactEmail: 'e-mail du contact',
    createdAt: 'date de création',
    closedAt: 'date de clôture',
    reopened: 'rouvert',
    openMinutes: 'minutes ouvert',
    firstResponseDue: 'échéance de première réponse',
    closeDue: 'échéance de clôture',
  },
  operators: {
    is: 'est',
    isNot: "n'est pas",
    isAnyOf: "est l'un de",
    isNoneOf: "n'est aucun de",
    contains: 'contient',
    isKnown: 'est connu',
    isUnknown: 'est inconnu',
    before: 'est avant',
    after: 'est après',
    greaterThan: 'est supérieur à',
    lessThan: 'est inférieur à',
  },
  nobody: 'personne',
  unknown: 'inconnu',
  and: 'et',
  actors: { scenario: 'le scénario', creation: 'la création', move: 'le déplacement du canal', onEmailSent: 'la règle intégrée « statut à un e-mail depuis le ticket »', onCustomerReply: 'la règle intégrée « statut à une réponse dans le fil du ticket »' },
  trigger(p, h) {
    switch (p.trigger) {
      case 'ticketCreated':
        return 'ticket créé';
      case 'statusChanged':
        return p.from === null ? `le statut est devenu ${h.status(p.to)} (nouveau ticket)` : `le statut est passé de ${h.status(p.from)} à ${h.status(p.to)}`;
      case 'emailSentFromTicket':
        return 'e-mail envoyé au contact depuis la fiche du ticket';
      case 'contactReplied':
        return 'le contact a répondu dans le fil du ticket';
      case 'conversationStarted':
        return `conversation commencée sur un canal de type ${String(p.channelKind)}`;
      case 'propertyChanged':
        return `${prop(p.property)} modifié`;
      case 'slaDuePassed':
        return `échéance SLA de ${TARGETS[String(p.target)]} dépassée`;
      default:
        return String(p.trigger);
    }
  },
  filters(p, h) {
    if (p.held) return Number(p.group) === 0 ? 'aucun filtre' : `groupe ${String(p.group)} satisfait`;
    const word = prop(p.property);
    const value = p.value === null || p.value === undefined ? '' : ` ${h.value(p.property, p.value)}`;
    const more = Number(p.groups) > 1 ? ` (${Number(p.groups) - 1 === 1 ? 'et un autre groupe non satisfait' : `et ${h.count(Number(p.groups) - 1, 'groups')} autres non satisfaits`})` : '';
    return `groupe ${String(p.group)} : ${word} ${PHRASES_FR.operators[String(p.operator)] ?? String(p.operator)}${value} non satisfait (${word} est ${h.value(p.property, p.actual)})${more}`;
  },
  codes: {
    'event.incomingMessage': (p, h) => `events[${p.index}] : message entrant de ${h.contact(p.contact)} sur ${h.channel(p.channel)} (conversation ${p.conversation}, fil ${p.thread}).`,
    'event.agentEmail': (p, h) =>
      `events[${p.index}] : ${h.user(p.user)} envoie un e-mail depuis la fiche du ${p.from === 'ticket' ? 'ticket' : 'contact'} (conversation ${p.conversation}, fil ${p.thread}).`,
    'event.setStatus': (p, h) => `events[${p.index}] : un agent passe ${ticketRef(p, h)} au statut ${h.status(p.status)}.`,
    'event.setOwner': (p, h) => `events[${p.index}] : un agent attribue ${ticketRef(p, h)} à ${h.user(p.owner)}.`,
    'event.setPriority': (p, h) => `events[${p.index}] : un agent règle la priorité de ${ticketRef(p, h)} sur ${h.value('priority', p.priority)}.`,
    'event.closeTicket': (p, h) => `events[${p.index}] : un agent ferme ${ticketRef(p, h)}.`,
    'event.reopenTicket': (p, h) => `events[${p.index}] : un agent rouvre ${ticketRef(p, h)}.`,
    'event.advance': (p) => `events[${p.index}] : le temps passe.`,
    'event.moveChannel': (p, h) =>
      `events[${p.index}] : ${h.user(p.user)} déplace ${h.channel(p.channel)} vers le help desk (${p.history === 'all' ? 'avec toutes les conversations historiques' : 'sans conversation historique'}).`,
    'conversation.started': (p, h) =>
      `Nouvelle conversation ${p.conversation} de ${h.contact(p.contact)} sur ${h.channel(p.channel)}, ${p.location === 'inbox' ? 'dans la boîte des conversations' : 'dans le help desk'}.`,
    'conversation.channelChanged': (p, h) => `La conversation ${p.conversation} continue sur ${h.channel(p.channel)}, désormais son canal le plus récent.`,
    'conversation.reply': (p) =>
      `Le contact a répondu ${p.newThread ? 'dans un nouveau fil' : 'dans le fil'} ${p.thread} de la conversation ${p.conversation}${p.hasTicket ? '' : ', qui n’a pas de ticket'}.`,
    'conversation.agentEmail': (p, h) =>
      `${h.user(p.user)} a écrit au contact depuis la fiche du ${p.from === 'ticket' ? 'ticket' : 'contact'} dans le fil ${p.thread} de la conversation ${p.conversation}${p.hasTicket ? '' : ', qui n’a pas de ticket'}.`,
    'automation.noTicket': (p, h) =>
      p.reason === 'channelOff'
        ? `Pas de ticket : la création de tickets est désactivée pour ${h.channel(p.channel)}.`
        : `Pas de ticket : le pipeline ${h.pipeline(p.pipeline)} ne crée pas de tickets pour les nouvelles conversations.`,
    'automation.notApplied': (p) =>
      p.rule === 'out'
        ? `${RULES.out} : non appliquée, l'e-mail a été envoyé depuis la fiche du contact, qui ne change jamais le statut du ticket.`
        : `${RULES.in} : non appliquée, la réponse est dans le fil ${p.thread}, pas dans ${p.ticketThread ?? 'aucun fil'}, le fil où le ticket a été créé${p.reason === 'threadBeforeReopen' ? ' (et le fil n’a pas commencé après la réouverture)' : ''}.`,
    'automation.off': (p, h) => `${RULES[String(p.rule)]} : non appliqué, le déclencheur est désactivé dans ${h.pipeline(p.pipeline)}.`,
    'automation.already': (p, h) => `${RULES[String(p.rule)]} : le ticket est déjà ${h.status(p.status)}.`,
    'automation.apply': (p, h) => `${RULES[String(p.rule)]} : statut → ${h.status(p.status)}.`,
    'ticket.created': (p, h) =>
      `Ticket ${h.entry.ticket} « ${p.subject} » créé dans ${h.pipeline(p.pipeline)}, statut ${h.status(p.status)}, propriétaire ${h.user(p.owner)} : ${cause(p, h)}.`,
    'status.changed': (p, h) =>
      `Statut ${h.status(p.from)} → ${h.status(p.to)} (par ${h.actor(p.by)})${p.closed ? ' ; date de clôture fixée' : ''}${p.reopened ? ' ; rouvert, date de clôture effacée' : ''}.`,
    'status.unchanged': (p, h) => `Le ticket est déjà ${h.status(p.status)} ; rien ne change.`,
    'property.changed': (p, h) => `${cap(prop(p.property))} réglé sur ${h.value(p.property, p.value)} (par ${h.actor(p.by)}).`,
    'sla.started': (p, h) =>
      `Le SLA s'applique : première réponse avant ${h.time(p.firstResponseDue)}, clôture avant ${h.time(p.closeDue)} (priorité ${h.value('priority', p.priority)}${p.from !== h.entry.at ? `, compté depuis ${h.time(p.from)}` : ', compté à partir de maintenant'}).`,
    'sla.moved': (p, h) =>
      `Échéances SLA déplacées pour la priorité ${h.value('priority', p.priority)} : première réponse ${h.time(p.firstResponseDue)}, clôture ${h.time(p.closeDue)}.`,
    'sla.met': (p, h) =>
      p.byClose
        ? `SLA de première réponse respecté : le ticket a été fermé avant ${h.time(p.due)}.`
        : `SLA de ${TARGETS[String(p.target)]} respecté (échéance ${h.time(p.due)}).`,
    'sla.breached': (p, h) => `SLA non respecté : pas de ${TARGETS[String(p.target)]} avant ${h.time(p.due)}.`,
    'enrollment.enrolled': (p, h) => `Inscrit dans ${h.workflow(h.entry.workflow)} sur ${h.trigger(p)} : filtres d'inscription : ${h.filters(p)}.`,
    'enrollment.rejected': (p, h) => `Non inscrit dans ${h.workflow(h.entry.workflow)} sur ${h.trigger(p)} : ${rejection(p, h)}.`,
    'enrollment.excluded': (p, h) =>
      `Exclu de ${h.workflow(h.entry.workflow)} sur ${h.trigger(p)} : la source du ticket est ${p.source}, et les tickets du chat en direct et de Messenger sont exclus des actions automatiques sauf si l'inscription du workflow nomme cette source.`,
    'unenrollment.completed': (p, h) =>
      `Sorti de ${h.workflow(h.entry.workflow)} (terminé) : ${p.reason === 'delayLast' ? 'le délai était la dernière action de son chemin' : 'a atteint la fin de son chemin'}.`,
    'unenrollment.unenrolled': (p, h) =>
      `Sorti aussitôt de ${h.workflow(h.entry.workflow)} : le ticket remplit les critères de désinscription (${h.filters(p)}) ${p.when === 'change' ? 'après une modification' : `avant ${h.action(p.next)}`}${p.delayCancelled ? ` ; le délai qu'il attendait (jusqu'au ${h.time(p.until)}) est annulé` : ''}.`,
    'unenrollment.stopped': (_p, h) => `Sorti de ${h.workflow(h.entry.workflow)} : arrêté par la protection contre les boucles.`,
    'unenrollment.failed': (p, h) => `Sorti de ${h.workflow(h.entry.workflow)} (échec) : ${p.message}.`,
    'action.sendEmail.sent': (p, h) =>
      `Envoyé « ${p.subject} » à ${p.to}${p.template ? ` (modèle « ${h.template(p.template)} »)` : ''}, ${p.footer ? 'avec' : 'sans'} le pied de page de la marque.`,
    'action.notify.sent': (p, h) =>
      `Notifié : ${h.users([p.users ?? '', p.owner ?? ''].filter(Boolean).join(','))}${p.ownerSkipped ? " ; notification au propriétaire ignorée : le ticket n'a pas de propriétaire" : ''}.`,
    'action.setStatus.set': (p, h) => `Statut réglé sur ${h.status(p.status)}.`,
    'action.setStatus.already': (p, h) => `Le ticket est déjà ${h.status(p.status)} ; rien ne change.`,
    'action.setProperty.set': (p, h) => `${cap(prop(p.property))} réglé sur ${p.property === 'owner' && p.value === null ? 'non attribué' : h.value(p.property, p.value)}.`,
    'action.delay.duration': (p, h) => `Attend ${h.count(p.amount, String(p.unit))} ; reprend le ${h.time(p.until)}.`,
    'action.delay.until': (p, h) => `Attend jusqu'à ${h.days(p.days)} à ${p.time} UTC ; reprend le ${h.time(p.until)}.`,
    'action.delayUntilDate.waits': (p, h) => `Attend jusqu'à ${offset(p, h)} ; reprend le ${h.time(p.until)}.`,
    'action.delayUntilDate.past': (p, h) => `${cap(offset(p, h))} (${h.time(p.date)}) est déjà passée : continue aussitôt.`,
    'action.delayUntilDate.unknown': (p) => `Le ticket n'a pas de ${prop(p.property)} : continue aussitôt.`,
    'action.delayUntilEvent.waits': (p, h) => `Attend ${awaited(p, h)}, au plus tard jusqu'au ${h.time(p.until)}.`,
    'action.branch.path': (p, h) => `A pris le chemin « ${h.path(p.label)} » (${h.filters({ held: true, group: p.group ?? 0 })}).`,
    'action.branch.default': (p, h) => `A pris le chemin par défaut « ${h.path(p.label)} » : ${Number(p.paths) === 1 ? 'son seul chemin ne correspond pas' : `aucun des ${h.count(p.paths, 'paths')} ne correspond`}.`,
    'action.valueBranch.path': (p, h) => `${cap(prop(p.property))} : ${h.value(p.property, p.value)} ; a pris le chemin « ${h.path(p.label)} ».`,
    'action.valueBranch.default': (p, h) => `${cap(prop(p.property))} : ${h.value(p.property, p.value)}, sans chemin propre ; a pris le chemin par défaut « ${h.path(p.label)} ».`,
    'action.goto': (p, h) => `Continue à ${h.action(p.target)}.`,
    'action.webhook.recorded': (p) => `Requête ${p.method} ${p.url} enregistrée (non envoyée).`,
    'action.failed': (p) => `Échec : ${p.message}.`,
    'delay.resumed': (p, h) => `Reprise de ${h.workflow(h.entry.workflow)} après son délai, à ${h.action(p.next)}.`,
    'delay.happened': (p, h) => `L'événement attendu est arrivé (${awaited(p, h)}) : continue sur le chemin « arrivé »${next(p, h)}.`,
    'delay.timedOut': (p, h) => `L'attente (${awaited(p, h)}) a expiré : continue sur le chemin d'expiration${next(p, h)}.`,
    'move.started': (p, h) =>
      `${h.user(p.user)} a commencé à déplacer ${h.channel(p.channel)} vers le help desk avec ${p.history === 'all' ? `toutes les conversations (Ouvertes → ${h.status(p.openStatus)}, Fermées → ${h.status(p.closedStatus)})` : 'aucune conversation historique'} ; il se termine le ${h.time(p.endsAt)} et ne peut pas être arrêté.`,
    'move.finished': (p, h) =>
      `${h.channel(p.channel)} est maintenant dans le help desk. Ses réglages gardent leurs valeurs (son propre réglage de création de tickets reste ${p.createTickets ? 'activé' : 'désactivé'}) ; en tant que canal du help desk, chaque nouvelle conversation arrive désormais avec un ticket.`,
    'move.detected': (p, h) => `La conversation ${p.conversation} est arrivée pendant le déplacement de ${h.channel(p.channel)} : détectée et déplacée vers le help desk.`,
    'move.notWithChannel': (p, h) =>
      `La conversation ${p.conversation} était sur ${h.channel(p.channel)} mais est maintenant sur ${h.channel(p.current)} : elle ne compte que sous son canal le plus récent et ne se déplace pas avec celui-ci.`,
    'move.historyStays': (p, h) => `Les conversations historiques de ${h.channel(p.channel)} restent dans la boîte des conversations (${p.count}), comme choisi.`,
    'move.withTicket': (p, h) =>
      `La conversation ${p.conversation} est passée au help desk avec son ticket, tel quel${p.ownerWithoutAccess ? ` ; son propriétaire ${h.user(p.ownerWithoutAccess)} n'a pas accès au help desk` : ''}.`,
    'move.unknownUser': (p) => `Déplacement refusé : l'utilisateur « ${p.user} » n'existe pas dans l'espace de travail.`,
    'move.notSuperAdmin': (p, h) => `Déplacement refusé : seuls les super-administrateurs peuvent déplacer un canal vers le help desk ; ${h.user(p.user)} n'en est pas un.`,
    'move.unknownChannel': (p) => `Déplacement refusé : le canal « ${p.channel} » n'existe pas dans l'espace de travail.`,
    'move.kindNotMovable': (p, h) =>
      p.kind === 'whatsapp' || p.kind === 'messenger'
        ? `Déplacement refusé : ${h.channel(p.channel)} est un chatflow ${p.kind === 'whatsapp' ? 'WhatsApp' : 'Messenger'} ; les chatflows WhatsApp et Messenger ne peuvent pas être déplacés vers le help desk.`
        : `Déplacement refusé : ${h.channel(p.channel)} ne peut pas être déplacé ; seuls les chatflows, les e-mails connectés et les formulaires le peuvent.`,
    'move.inProgress': (p, h) => `Déplacement refusé : ${h.channel(p.channel)} est déjà en cours de déplacement vers le help desk ; un déplacement commencé ne peut être ni arrêté ni relancé.`,
    'move.oneAtATime': (p, h) => `Déplacement refusé : un seul canal se déplace à la fois ; ${h.channel(p.moving)} se déplace jusqu'à ${h.time(p.endsAt)}.`,
    'move.alreadyMoved': (p, h) => `Déplacement refusé : ${h.channel(p.channel)} a déjà été déplacé vers le help desk : un canal ne revient jamais en arrière, et le choix de déplacer ses conversations historiques disparaît une fois déplacé.`,
    'guard.runaway': (p, h) =>
      p.per === 'minute'
        ? `Automatisation emballée arrêtée sur le ticket ${h.entry.ticket} : il a exécuté ${h.count(p.counted, 'actions')} dans la minute virtuelle depuis ${h.time(p.since)} (la limite par ticket et par minute) et allait en exécuter une de plus. Actions comptées par workflow : ${counts(p.workflows, h)}${uncounted(p) ? `, autres workflows ${uncounted(p)}` : ''}. Ses exécutions s'arrêtent et il ne s'inscrit à rien pour le reste de cette minute.`
        : `Automatisation emballée arrêtée sur le ticket ${h.entry.ticket} : il a exécuté ${h.count(p.counted, 'actions')} dans cette simulation (la limite par ticket) et allait en exécuter une de plus. Actions comptées par workflow : ${counts(p.workflows, h)}${uncounted(p) ? `, autres workflows ${uncounted(p)}` : ''}. Ses exécutions s'arrêtent et il ne s'inscrit à rien pour le reste de la simulation.`,
    'guard.maxSteps': (p, h) => `La simulation s'est arrêtée après ${h.count(p.limit, 'steps')} sans finir${p.busiest ? ` ; workflows les plus actifs (actions) : ${counts(p.busiest, h)}` : ''}.`,
    'guard.budget': (p, h) =>
      `La simulation s'est arrêtée à son budget ${p.budget} de ${p.limit} (${p.used} utilisés) sans finir${p.busiest ? ` ; workflows les plus actifs (actions) : ${counts(p.busiest, h)}` : ''}. Le résultat obtenu jusqu'ici est conservé.`,
  },
};

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
