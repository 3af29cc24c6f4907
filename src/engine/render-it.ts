import type { Helpers, Phrases } from './render';
import { counts, uncounted } from './render-en';
import type { TraceParams } from './types';

const RULES: Record<string, string> = {
  out: 'Regola integrata «stato a un’email dal ticket»',
  in: 'Regola integrata «stato a una risposta nel thread del ticket»',
  reopen: 'Regola integrata «stato a una risposta dopo la riapertura»',
};
const TARGETS: Record<string, string> = { firstResponse: 'prima risposta', close: 'chiusura' };

const prop = (p: unknown) => PHRASES_IT.properties[String(p)] ?? String(p);

function awaited(p: TraceParams, h: Helpers): string {
  if (p.event === 'contactReplied') return 'che il contatto risponda';
  return p.status ? `che lo stato diventi ${h.status(p.status)}` : 'che lo stato cambi';
}

function offset(p: TraceParams, h: Helpers): string {
  const amount = Number(p.offset);
  if (!amount) return `il suo campo ${prop(p.property)}`;
  return `${h.count(Math.abs(amount), String(p.unit))} ${amount < 0 ? 'prima del' : 'dopo il'} suo campo ${prop(p.property)}`;
}

const next = (p: TraceParams, h: Helpers) => (p.next === null ? ', che è vuoto' : ` da ${h.action(p.next)}`);
const ticketRef = (p: TraceParams, h: Helpers) => (p.ticketOf ? `il ticket della conversazione ${p.ticketOf}` : `il ticket ${h.entry.ticket ?? '?'}`);

function rejection(p: TraceParams, h: Helpers): string {
  switch (p.reason) {
    case 'halted':
      return "la protezione dai cicli ha fermato l'automazione di questo ticket per il resto della simulazione";
    case 'haltedMinute':
      return "la protezione dai cicli ha fermato l'automazione di questo ticket per il resto di questo minuto";
    case 'stillEnrolled':
      return 'il ticket è ancora iscritto (mai reiscritto mentre è iscritto)';
    case 'noReenroll':
      return 'il ticket si è già iscritto e la reiscrizione è disattivata';
    default:
      return `i filtri di iscrizione non sono soddisfatti: ${h.filters(p)}`;
  }
}

function cause(p: TraceParams, h: Helpers): string {
  switch (p.cause) {
    case 'movedChannel':
      return `nuova conversazione su ${h.channel(p.channel)}, spostato nell'help desk`;
    case 'movingChannel':
      return `nuova conversazione su ${h.channel(p.channel)}, in spostamento verso l'help desk`;
    case 'moveHistory': {
      const owner =
        p.ownerRule === 'none'
          ? 'la conversazione non aveva un proprietario'
          : p.ownerRule === 'kept'
            ? `proprietario ${h.user(p.owner)} mantenuto (ha accesso all'help desk)`
            : `il proprietario ${h.user(p.previousOwner)} non ha accesso all'help desk, quindi il ticket non è assegnato`;
      return `conversazione ${p.state === 'open' ? 'aperta' : 'chiusa'} ${p.conversation} spostata senza ticket (creato all'inizio della conversazione, ${h.status(p.status)}; ${owner})`;
    }
    default:
      return `nuova conversazione su ${h.channel(p.channel)}`;
  }
}

/** Italian. */
export const PHRASES_IT: Phrases = {
  units: {
    problems: { one: 'problema', other: 'problemi' },
    moreProblems: { one: 'altro problema', other: 'altri problemi' },
    errors: { one: 'errore', other: 'errori' },
    levels: { one: 'livello', other: 'livelli' },
    characters: { one: 'carattere', other: 'caratteri' },
    items: { one: 'elemento', other: 'elementi' },
    minutes: { one: 'minuto', other: 'minuti' },
    hours: { one: 'ora', other: 'ore' },
    days: { one: 'giorno', other: 'giorni' },
    weeks: { one: 'settimana', other: 'settimane' },
    actions: { one: 'azione', other: 'azioni' },
    paths: { one: 'percorso', other: 'percorsi' },
    groups: { one: 'gruppo', other: 'gruppi' },
    steps: { one: 'passo', other: 'passi' },
  },
  rules: {
    create: {
      name: 'Creazione dei ticket',
      explanation: 'Viene creato un ticket per ogni nuova conversazione in arrivo su un canale con la creazione dei ticket attiva, in una pipeline che crea ticket per le nuove conversazioni.',
    },
    out: {
      name: 'Stato a un’email dal ticket',
      explanation:
        'Quando un agente scrive al contatto dal record del ticket, l’aggiornamento integrato della pipeline imposta lo stato del ticket, se è attivo in Impostazioni → Automatizza. Un’email inviata dal record del contatto non cambia mai lo stato.',
    },
    in: {
      name: 'Stato a una risposta nel thread del ticket',
      explanation:
        'Quando il contatto risponde nel thread in cui è stato creato il ticket, l’aggiornamento integrato della pipeline imposta lo stato del ticket, se è attivo in Impostazioni → Automatizza. Una risposta in un altro thread non cambia nulla.',
    },
    reopen: {
      name: 'Stato a una risposta dopo la riapertura',
      explanation: 'Dopo la riapertura di un ticket, anche una risposta in un thread iniziato dopo la riapertura conta come risposta nel thread del ticket.',
    },
    chat: {
      name: 'Esclusione di chat e Messenger',
      explanation:
        'I ticket da chat dal vivo e da Messenger sono esclusi dalle azioni automatiche, a meno che l’iscrizione del workflow nomini quell’origine: un trigger di conversazione iniziata che la elenca, o un filtro sull’origine che la nomina.',
    },
    move: {
      name: 'Spostamento del canale',
      explanation:
        'Un canale spostato nell’help desk porta con sé le sue conversazioni come scelto; una conversazione conta solo sotto il suo canale più recente. Le impostazioni del canale mantengono i loro valori e ogni nuova conversazione su di esso arriva con un ticket.',
    },
    runaway: {
      name: 'Protezione dai cicli',
      explanation:
        'Per fermare i workflow che si attivano a vicenda, un ticket esegue un numero limitato di azioni per minuto virtuale e per simulazione; oltre il limite le sue esecuzioni si fermano e non si iscrive a nulla per quel tempo.',
    },
  },
  weekdays: { sun: 'domenica', mon: 'lunedì', tue: 'martedì', wed: 'mercoledì', thu: 'giovedì', fri: 'venerdì', sat: 'sabato' },
  priorities: { low: 'bassa', medium: 'media', high: 'alta', urgent: 'urgente' },
  properties: {
    status: 'stato',
    statusCategory: 'categoria di stato',
    owner: 'proprietario',
    priority: 'priorità',
    subject: 'oggetto',
    source: 'origine',
    channel: 'canale',
    pipeline: 'pipeline',
    contact: 'contatto',
    contactEmail: 'email del contatto',
    createdAt: 'data di creazione',
    closedAt: 'data di chiusura',
    reopened: 'riaperto',
    openMinutes: 'minuti aperto',
    firstResponseDue: 'scadenza di prima risposta',
    closeDue: 'scadenza di chiusura',
  },
  operators: {
    is: 'è',
    isNot: 'non è',
    isAnyOf: 'è uno tra',
    isNoneOf: 'non è nessuno tra',
    contains: 'contiene',
    isKnown: 'è noto',
    isUnknown: 'è sconosciuto',
    before: 'è prima di',
    after: 'è dopo',
    greaterThan: 'è maggiore di',
    lessThan: 'è minore di',
  },
  nobody: 'nessuno',
  unknown: 'sconosciuto',
  and: 'e',
  actors: { scenario: 'lo scenario', creation: 'la creazione', move: 'lo spostamento del canale', onEmailSent: 'la regola integrata «stato a un’email dal ticket»', onCustomerReply: 'la regola integrata «stato a una risposta nel thread del ticket»' },
  trigger(p, h) {
    switch (p.trigger) {
      case 'ticketCreated':
        return 'ticket creato';
      case 'statusChanged':
        return p.from === null ? `lo stato è diventato ${h.status(p.to)} (nuovo ticket)` : `lo stato è passato da ${h.status(p.from)} a ${h.status(p.to)}`;
      case 'emailSentFromTicket':
        return 'email inviata al contatto dal record del ticket';
      case 'contactReplied':
        return 'il contatto ha risposto nel thread del ticket';
      case 'conversationStarted':
        return `conversazione iniziata su un canale di tipo ${String(p.channelKind)}`;
      case 'propertyChanged':
        return `${prop(p.property)} cambiato`;
      case 'slaDuePassed':
        return `scadenza SLA di ${TARGETS[String(p.target)]} superata`;
      default:
        return String(p.trigger);
    }
  },
  filters(p, h) {
    if (p.held) return Number(p.group) === 0 ? 'nessun filtro' : `gruppo ${String(p.group)} soddisfatto`;
    const word = prop(p.property);
    const value = p.value === null || p.value === undefined ? '' : ` ${h.value(p.property, p.value)}`;
    const more = Number(p.groups) > 1 ? ` (${Number(p.groups) - 1 === 1 ? 'e un altro gruppo non soddisfatto' : `e altri ${h.count(Number(p.groups) - 1, 'groups')} non soddisfatti`})` : '';
    return `gruppo ${String(p.group)}: ${word} ${PHRASES_IT.operators[String(p.operator)] ?? String(p.operator)}${value} non soddisfatto (${word} è ${h.value(p.property, p.actual)})${more}`;
  },
  codes: {
    'event.incomingMessage': (p, h) => `events[${p.index}]: messaggio in arrivo da ${h.contact(p.contact)} su ${h.channel(p.channel)} (conversazione ${p.conversation}, thread ${p.thread}).`,
    'event.agentEmail': (p, h) =>
      `events[${p.index}]: ${h.user(p.user)} invia un'email dal record del ${p.from === 'ticket' ? 'ticket' : 'contatto'} (conversazione ${p.conversation}, thread ${p.thread}).`,
    'event.setStatus': (p, h) => `events[${p.index}]: un agente porta ${ticketRef(p, h)} allo stato ${h.status(p.status)}.`,
    'event.setOwner': (p, h) => `events[${p.index}]: un agente assegna ${ticketRef(p, h)} a ${h.user(p.owner)}.`,
    'event.setPriority': (p, h) => `events[${p.index}]: un agente imposta la priorità di ${ticketRef(p, h)} a ${h.value('priority', p.priority)}.`,
    'event.closeTicket': (p, h) => `events[${p.index}]: un agente chiude ${ticketRef(p, h)}.`,
    'event.reopenTicket': (p, h) => `events[${p.index}]: un agente riapre ${ticketRef(p, h)}.`,
    'event.advance': (p) => `events[${p.index}]: passa il tempo.`,
    'event.moveChannel': (p, h) =>
      `events[${p.index}]: ${h.user(p.user)} sposta ${h.channel(p.channel)} nell'help desk (${p.history === 'all' ? 'con tutte le conversazioni storiche' : 'senza conversazioni storiche'}).`,
    'conversation.started': (p, h) =>
      `Nuova conversazione ${p.conversation} da ${h.contact(p.contact)} su ${h.channel(p.channel)}, ${p.location === 'inbox' ? 'nella casella delle conversazioni' : "nell'help desk"}.`,
    'conversation.channelChanged': (p, h) => `La conversazione ${p.conversation} continua su ${h.channel(p.channel)}, ora il suo canale più recente.`,
    'conversation.reply': (p) =>
      `Il contatto ha risposto ${p.newThread ? 'in un nuovo thread' : 'nel thread'} ${p.thread} della conversazione ${p.conversation}${p.hasTicket ? '' : ', che non ha ticket'}.`,
    'conversation.agentEmail': (p, h) =>
      `${h.user(p.user)} ha scritto al contatto dal record del ${p.from === 'ticket' ? 'ticket' : 'contatto'} nel thread ${p.thread} della conversazione ${p.conversation}${p.hasTicket ? '' : ', che non ha ticket'}.`,
    'automation.noTicket': (p, h) =>
      p.reason === 'channelOff'
        ? `Nessun ticket: la creazione dei ticket è disattivata per ${h.channel(p.channel)}.`
        : `Nessun ticket: la pipeline ${h.pipeline(p.pipeline)} non crea ticket per le nuove conversazioni.`,
    'automation.notApplied': (p) =>
      p.rule === 'out'
        ? `${RULES.out}: non applicato, l'email è stata inviata dal record del contatto, che non cambia mai lo stato del ticket.`
        : `${RULES.in}: non applicato, la risposta è nel thread ${p.thread}, non in ${p.ticketThread ?? 'nessun thread'}, il thread in cui è stato creato il ticket${p.reason === 'threadBeforeReopen' ? ' (e il thread non è iniziato dopo la riapertura)' : ''}.`,
    'automation.off': (p, h) => `${RULES[String(p.rule)]}: non applicato, il trigger è disattivato in ${h.pipeline(p.pipeline)}.`,
    'automation.already': (p, h) => `${RULES[String(p.rule)]}: il ticket è già ${h.status(p.status)}.`,
    'automation.apply': (p, h) => `${RULES[String(p.rule)]}: stato → ${h.status(p.status)}.`,
    'ticket.created': (p, h) =>
      `Creato il ticket ${h.entry.ticket} "${p.subject}" in ${h.pipeline(p.pipeline)}, stato ${h.status(p.status)}, proprietario ${h.user(p.owner)}: ${cause(p, h)}.`,
    'status.changed': (p, h) =>
      `Stato ${h.status(p.from)} → ${h.status(p.to)} (autore: ${h.actor(p.by)})${p.closed ? '; data di chiusura impostata' : ''}${p.reopened ? '; riaperto, data di chiusura cancellata' : ''}.`,
    'status.unchanged': (p, h) => `Il ticket è già ${h.status(p.status)}; non cambia nulla.`,
    'property.changed': (p, h) => `${cap(prop(p.property))} impostato a ${h.value(p.property, p.value)} (autore: ${h.actor(p.by)}).`,
    'sla.started': (p, h) =>
      `Si applica lo SLA: prima risposta entro ${h.time(p.firstResponseDue)}, chiusura entro ${h.time(p.closeDue)} (priorità ${h.value('priority', p.priority)}${p.from !== h.entry.at ? `, contato da ${h.time(p.from)}` : ', contato da adesso'}).`,
    'sla.moved': (p, h) =>
      `Scadenze SLA spostate per la priorità ${h.value('priority', p.priority)}: prima risposta ${h.time(p.firstResponseDue)}, chiusura ${h.time(p.closeDue)}.`,
    'sla.met': (p, h) =>
      p.byClose
        ? `SLA di prima risposta rispettato: il ticket è stato chiuso prima di ${h.time(p.due)}.`
        : `SLA di ${TARGETS[String(p.target)]} rispettato (scadenza ${h.time(p.due)}).`,
    'sla.breached': (p, h) => `SLA violato: nessuna ${TARGETS[String(p.target)]} entro ${h.time(p.due)}.`,
    'enrollment.enrolled': (p, h) => `Iscritto a ${h.workflow(h.entry.workflow)} per ${h.trigger(p)}: filtri di iscrizione: ${h.filters(p)}.`,
    'enrollment.rejected': (p, h) => `Non iscritto a ${h.workflow(h.entry.workflow)} per ${h.trigger(p)}: ${rejection(p, h)}.`,
    'enrollment.excluded': (p, h) =>
      `Escluso da ${h.workflow(h.entry.workflow)} per ${h.trigger(p)}: l'origine del ticket è ${p.source}, e i ticket da chat dal vivo e Messenger sono esclusi dalle azioni automatiche a meno che l'iscrizione del workflow nomini quell'origine.`,
    'unenrollment.completed': (p, h) =>
      `Uscito da ${h.workflow(h.entry.workflow)} (completato): ${p.reason === 'delayLast' ? "il ritardo era l'ultima azione del suo percorso" : 'ha raggiunto la fine del suo percorso'}.`,
    'unenrollment.unenrolled': (p, h) =>
      `Uscito subito da ${h.workflow(h.entry.workflow)}: il ticket soddisfa i criteri di disiscrizione (${h.filters(p)}) ${p.when === 'change' ? 'dopo una modifica' : `prima di ${h.action(p.next)}`}${p.delayCancelled ? `; il ritardo in cui attendeva (fino a ${h.time(p.until)}) è annullato` : ''}.`,
    'unenrollment.stopped': (_p, h) => `Uscito da ${h.workflow(h.entry.workflow)}: fermato dalla protezione dai cicli.`,
    'unenrollment.failed': (p, h) => `Uscito da ${h.workflow(h.entry.workflow)} (errore): ${p.message}.`,
    'action.sendEmail.sent': (p, h) =>
      `Inviato "${p.subject}" a ${p.to}${p.template ? ` (modello "${h.template(p.template)}")` : ''}, ${p.footer ? 'con' : 'senza'} il piè di pagina del marchio.`,
    'action.notify.sent': (p, h) =>
      `Notificato a ${h.users([p.users ?? '', p.owner ?? ''].filter(Boolean).join(','))}${p.ownerSkipped ? '; notifica al proprietario saltata: il ticket non ha proprietario' : ''}.`,
    'action.setStatus.set': (p, h) => `Stato impostato a ${h.status(p.status)}.`,
    'action.setStatus.already': (p, h) => `Il ticket è già ${h.status(p.status)}; non cambia nulla.`,
    'action.setProperty.set': (p, h) => `${cap(prop(p.property))} impostato a ${p.property === 'owner' && p.value === null ? 'non assegnato' : h.value(p.property, p.value)}.`,
    'action.delay.duration': (p, h) => `Attende ${h.count(p.amount, String(p.unit))}; riprende il ${h.time(p.until)}.`,
    'action.delay.until': (p, h) => `Attende fino a ${h.days(p.days)} alle ${p.time} UTC; riprende il ${h.time(p.until)}.`,
    'action.delayUntilDate.waits': (p, h) => `Attende fino a ${offset(p, h)}; riprende il ${h.time(p.until)}.`,
    'action.delayUntilDate.past': (p, h) => `${cap(offset(p, h))} (${h.time(p.date)}) è già passato: prosegue subito.`,
    'action.delayUntilDate.unknown': (p) => `Il ticket non ha ${prop(p.property)}: prosegue subito.`,
    'action.delayUntilEvent.waits': (p, h) => `Attende ${awaited(p, h)}, al massimo fino al ${h.time(p.until)}.`,
    'action.branch.path': (p, h) => `Ha preso il percorso "${h.path(p.label)}" (${h.filters({ held: true, group: p.group ?? 0 })}).`,
    'action.branch.default': (p, h) => `Ha preso il percorso predefinito "${h.path(p.label)}": ${Number(p.paths) === 1 ? 'il suo unico percorso non corrisponde' : `nessuno dei ${h.count(p.paths, 'paths')} corrisponde`}.`,
    'action.valueBranch.path': (p, h) => `${cap(prop(p.property))}: ${h.value(p.property, p.value)}; ha preso il percorso "${h.path(p.label)}".`,
    'action.valueBranch.default': (p, h) => `${cap(prop(p.property))}: ${h.value(p.property, p.value)}, senza un percorso proprio; ha preso il percorso predefinito "${h.path(p.label)}".`,
    'action.goto': (p, h) => `Prosegue da ${h.action(p.target)}.`,
    'action.webhook.recorded': (p) => `Registrata ${p.method} ${p.url} (non inviata).`,
    'action.failed': (p) => `Errore: ${p.message}.`,
    'delay.resumed': (p, h) => `Ripreso ${h.workflow(h.entry.workflow)} dopo il ritardo, da ${h.action(p.next)}.`,
    'delay.happened': (p, h) => `È successo ciò che si attendeva (${awaited(p, h)}): prosegue sul percorso "avvenuto"${next(p, h)}.`,
    'delay.timedOut': (p, h) => `L'attesa (${awaited(p, h)}) è scaduta: prosegue sul percorso di scadenza${next(p, h)}.`,
    'move.started': (p, h) =>
      `${h.user(p.user)} ha iniziato a spostare ${h.channel(p.channel)} nell'help desk con ${p.history === 'all' ? `tutte le conversazioni (Aperte → ${h.status(p.openStatus)}, Chiuse → ${h.status(p.closedStatus)})` : 'nessuna conversazione storica'}; termina il ${h.time(p.endsAt)} e non può essere fermato.`,
    'move.finished': (p, h) =>
      `${h.channel(p.channel)} è ora nell'help desk. Le sue impostazioni mantengono i loro valori (la sua opzione di creazione dei ticket resta ${p.createTickets ? 'attiva' : 'disattivata'}); come canale dell'help desk, ogni nuova conversazione arriva ora con un ticket.`,
    'move.detected': (p, h) => `La conversazione ${p.conversation} è arrivata mentre ${h.channel(p.channel)} era in spostamento: rilevata e spostata nell'help desk.`,
    'move.notWithChannel': (p, h) =>
      `La conversazione ${p.conversation} era su ${h.channel(p.channel)} ma ora è su ${h.channel(p.current)}: conta solo sotto il suo canale più recente e non si sposta con questo.`,
    'move.historyStays': (p, h) => `Le conversazioni storiche di ${h.channel(p.channel)} restano nella casella delle conversazioni (${p.count}), come scelto.`,
    'move.withTicket': (p, h) =>
      `La conversazione ${p.conversation} è passata all'help desk con il suo ticket, così com'è${p.ownerWithoutAccess ? `; il suo proprietario ${h.user(p.ownerWithoutAccess)} non ha accesso all'help desk` : ''}.`,
    'move.unknownUser': (p) => `Spostamento rifiutato: l'utente "${p.user}" non esiste nello spazio di lavoro.`,
    'move.notSuperAdmin': (p, h) => `Spostamento rifiutato: solo i super amministratori possono spostare un canale nell'help desk; ${h.user(p.user)} non lo è.`,
    'move.unknownChannel': (p) => `Spostamento rifiutato: il canale "${p.channel}" non esiste nello spazio di lavoro.`,
    'move.kindNotMovable': (p, h) =>
      p.kind === 'whatsapp' || p.kind === 'messenger'
        ? `Spostamento rifiutato: ${h.channel(p.channel)} è un chatflow ${p.kind === 'whatsapp' ? 'WhatsApp' : 'Messenger'}; i chatflow WhatsApp e Messenger non possono essere spostati nell'help desk.`
        : `Spostamento rifiutato: ${h.channel(p.channel)} non può essere spostato; solo chatflow, email collegate e moduli possono.`,
    'move.inProgress': (p, h) => `Spostamento rifiutato: ${h.channel(p.channel)} è già in spostamento verso l'help desk; uno spostamento avviato non può essere fermato né riavviato.`,
    'move.oneAtATime': (p, h) => `Spostamento rifiutato: si sposta un canale alla volta; ${h.channel(p.moving)} è in spostamento fino a ${h.time(p.endsAt)}.`,
    'move.alreadyMoved': (p, h) => `Spostamento rifiutato: ${h.channel(p.channel)} è già stato spostato nell'help desk: un canale non torna mai indietro, e la scelta di spostare le sue conversazioni storiche non c'è più dopo lo spostamento.`,
    'guard.runaway': (p, h) =>
      p.per === 'minute'
        ? `Automazione fuori controllo fermata sul ticket ${h.entry.ticket}: ha eseguito ${h.count(p.counted, 'actions')} nel minuto virtuale da ${h.time(p.since)} (il limite per ticket e minuto) e stava per eseguirne un'altra. Azioni contate per workflow: ${counts(p.workflows, h)}${uncounted(p) ? `, altri workflow ${uncounted(p)}` : ''}. Le sue esecuzioni si fermano e non si iscrive a nulla per il resto di questo minuto.`
        : `Automazione fuori controllo fermata sul ticket ${h.entry.ticket}: ha eseguito ${h.count(p.counted, 'actions')} in questa simulazione (il limite per ticket) e stava per eseguirne un'altra. Azioni contate per workflow: ${counts(p.workflows, h)}${uncounted(p) ? `, altri workflow ${uncounted(p)}` : ''}. Le sue esecuzioni si fermano e non si iscrive a nulla per il resto della simulazione.`,
    'guard.maxSteps': (p, h) => `La simulazione si è fermata dopo ${h.count(p.limit, 'steps')} senza finire${p.busiest ? `; workflow più attivi (azioni): ${counts(p.busiest, h)}` : ''}.`,
    'guard.budget': (p, h) =>
      `La simulazione si è fermata al suo budget ${p.budget} di ${p.limit} (${p.used} usati) senza finire${p.busiest ? `; workflow più attivi (azioni): ${counts(p.busiest, h)}` : ''}. Il risultato finora è conservato.`,
  },
};

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
