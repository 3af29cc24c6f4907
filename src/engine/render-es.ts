import type { Helpers, Phrases } from './render';
import { counts, uncounted } from './render-en';
import type { TraceParams } from './types';

const RULES: Record<string, string> = {
  out: 'Regla integrada «estado al enviar un correo desde el ticket»',
  in: 'Regla integrada «estado al responder en el hilo del ticket»',
  reopen: 'Regla integrada «estado al responder tras reabrir»',
};
const TARGETS: Record<string, string> = { firstResponse: 'primera respuesta', close: 'cierre' };

const prop = (p: unknown) => PHRASES_ES.properties[String(p)] ?? String(p);

function awaited(p: TraceParams, h: Helpers): string {
  if (p.event === 'contactReplied') return 'que el contacto responda';
  return p.status ? `que el estado pase a ${h.status(p.status)}` : 'que el estado cambie';
}

function offset(p: TraceParams, h: Helpers): string {
  const amount = Number(p.offset);
  if (!amount) return `su ${prop(p.property)}`;
  return `${h.count(Math.abs(amount), String(p.unit))} ${amount < 0 ? 'antes de' : 'después de'} su ${prop(p.property)}`;
}

const next = (p: TraceParams, h: Helpers) => (p.next === null ? ', que está vacía' : ` en ${h.action(p.next)}`);
const ticketRef = (p: TraceParams, h: Helpers) => (p.ticketOf ? `el ticket de la conversación ${p.ticketOf}` : `el ticket ${h.entry.ticket ?? '?'}`);

function rejection(p: TraceParams, h: Helpers): string {
  switch (p.reason) {
    case 'halted':
      return 'el guardián de bucles detuvo la automatización de este ticket para el resto de la simulación';
    case 'haltedMinute':
      return 'el guardián de bucles detuvo la automatización de este ticket para el resto de este minuto';
    case 'stillEnrolled':
      return 'el ticket sigue inscrito (nunca se reinscribe mientras está inscrito)';
    case 'noReenroll':
      return 'el ticket ya se inscribió antes y la reinscripción está desactivada';
    default:
      return `los filtros de inscripción fallaron: ${h.filters(p)}`;
  }
}

function cause(p: TraceParams, h: Helpers): string {
  switch (p.cause) {
    case 'movedChannel':
      return `conversación nueva en ${h.channel(p.channel)}, que se trasladó al servicio de asistencia`;
    case 'movingChannel':
      return `conversación nueva en ${h.channel(p.channel)}, que se está trasladando al servicio de asistencia`;
    case 'moveHistory': {
      const owner =
        p.ownerRule === 'none'
          ? 'la conversación no tenía propietario'
          : p.ownerRule === 'kept'
            ? `se mantiene el propietario ${h.user(p.owner)} (tiene acceso al servicio de asistencia)`
            : `el propietario ${h.user(p.previousOwner)} no tiene acceso al servicio de asistencia, así que el ticket queda sin asignar`;
      return `conversación ${p.state === 'open' ? 'abierta' : 'cerrada'} ${p.conversation} trasladada sin ticket (creado en el inicio de la conversación, ${h.status(p.status)}; ${owner})`;
    }
    default:
      return `conversación nueva en ${h.channel(p.channel)}`;
  }
}

/** Spanish. */
export const PHRASES_ES: Phrases = {
  units: {
    problems: { one: 'problema', other: 'problemas' },
    errors: { one: 'error', other: 'errores' },
    levels: { one: 'nivel', other: 'niveles' },
    characters: { one: 'carácter', other: 'caracteres' },
    items: { one: 'elemento', other: 'elementos' },
    minutes: { one: 'minuto', other: 'minutos' },
    hours: { one: 'hora', other: 'horas' },
    days: { one: 'día', other: 'días' },
    weeks: { one: 'semana', other: 'semanas' },
    actions: { one: 'acción', other: 'acciones' },
    paths: { one: 'camino', other: 'caminos' },
    groups: { one: 'grupo', other: 'grupos' },
    steps: { one: 'paso', other: 'pasos' },
  },
  rules: {
    create: {
      name: 'Creación de tickets',
      explanation: 'Se crea un ticket por cada conversación entrante nueva en un canal con la creación de tickets activada, en un pipeline que crea tickets para conversaciones nuevas.',
    },
    out: {
      name: 'Estado al enviar un correo desde el ticket',
      explanation:
        'Cuando un agente escribe al contacto desde el registro del ticket, la actualización integrada del pipeline cambia el estado del ticket, si está activada en Configuración → Automatizar. Un correo enviado desde el registro del contacto nunca cambia el estado.',
    },
    in: {
      name: 'Estado al responder en el hilo del ticket',
      explanation:
        'Cuando el contacto responde en el hilo en el que se creó el ticket, la actualización integrada del pipeline cambia el estado del ticket, si está activada en Configuración → Automatizar. Una respuesta en otro hilo no cambia nada.',
    },
    reopen: {
      name: 'Estado al responder tras reabrir',
      explanation: 'Una vez reabierto un ticket, una respuesta en un hilo que empezó después de reabrirlo cuenta también como respuesta en el hilo del ticket.',
    },
    chat: {
      name: 'Exclusión de chat y Messenger',
      explanation:
        'Los tickets de chat en vivo y de Messenger quedan fuera de las acciones automáticas, salvo que la inscripción del flujo nombre ese origen: un disparador de conversación iniciada que lo incluya, o un filtro de origen que lo nombre.',
    },
    move: {
      name: 'Traslado de canal',
      explanation:
        'Un canal trasladado al servicio de asistencia se lleva sus conversaciones según lo elegido; una conversación solo cuenta en su canal más reciente. La configuración del canal conserva sus valores y cada conversación nueva en él llega con un ticket.',
    },
    runaway: {
      name: 'Guardián de bucles',
      explanation:
        'Para detener flujos que se disparan entre sí, un ticket ejecuta un número limitado de acciones por minuto virtual y por simulación; pasado el límite sus ejecuciones se detienen y no se inscribe en nada durante ese tiempo.',
    },
  },
  weekdays: { sun: 'domingo', mon: 'lunes', tue: 'martes', wed: 'miércoles', thu: 'jueves', fri: 'viernes', sat: 'sábado' },
  priorities: { low: 'baja', medium: 'media', high: 'alta', urgent: 'urgente' },
  properties: {
    status: 'estado',
    statusCategory: 'categoría de estado',
    owner: 'propietario',
    priority: 'prioridad',
    subject: 'asunto',
    source: 'origen',
    channel: 'canal',
    pipeline: 'pipeline',
    contact: 'contacto',
    contactEmail: 'correo del contacto',
    createdAt: 'fecha de creación',
    closedAt: 'fecha de cierre',
    reopened: 'reabierto',
    openMinutes: 'minutos abierto',
    firstResponseDue: 'vencimiento de primera respuesta',
    closeDue: 'vencimiento de cierre',
  },
  operators: {
    is: 'es',
    isNot: 'no es',
    isAnyOf: 'es uno de',
    isNoneOf: 'no es ninguno de',
    contains: 'contiene',
    isKnown: 'es conocido',
    isUnknown: 'es desconocido',
    before: 'es anterior a',
    after: 'es posterior a',
    greaterThan: 'es mayor que',
    lessThan: 'es menor que',
  },
  nobody: 'nadie',
  unknown: 'desconocido',
  and: 'y',
  actors: { scenario: 'el escenario', creation: 'la creación', move: 'el traslado del canal', onEmailSent: 'la regla integrada «estado al enviar un correo desde el ticket»', onCustomerReply: 'la regla integrada «estado al responder en el hilo del ticket»' },
  trigger(p, h) {
    switch (p.trigger) {
      case 'ticketCreated':
        return 'ticket creado';
      case 'statusChanged':
        return p.from === null ? `el estado pasó a ${h.status(p.to)} (ticket nuevo)` : `el estado cambió de ${h.status(p.from)} a ${h.status(p.to)}`;
      case 'emailSentFromTicket':
        return 'correo enviado al contacto desde el registro del ticket';
      case 'contactReplied':
        return 'el contacto respondió en el hilo del ticket';
      case 'conversationStarted':
        return `conversación iniciada en un canal de tipo ${String(p.channelKind)}`;
      case 'propertyChanged':
        return `cambió ${prop(p.property)}`;
      case 'slaDuePassed':
        return `venció el plazo SLA de ${TARGETS[String(p.target)]}`;
      default:
        return String(p.trigger);
    }
  },
  filters(p, h) {
    if (p.held) return Number(p.group) === 0 ? 'sin filtros' : `se cumplió el grupo ${String(p.group)}`;
    const word = prop(p.property);
    const value = p.value === null || p.value === undefined ? '' : ` ${h.value(p.property, p.value)}`;
    const more = Number(p.groups) > 1 ? ` (y ${Number(p.groups) - 1} ${h.noun(Number(p.groups) - 1, 'groups')} más sin cumplirse)` : '';
    return `grupo ${String(p.group)}: falló ${word} ${PHRASES_ES.operators[String(p.operator)] ?? String(p.operator)}${value} (${word} es ${h.value(p.property, p.actual)})${more}`;
  },
  codes: {
    'event.incomingMessage': (p, h) => `events[${p.index}]: mensaje entrante de ${h.contact(p.contact)} en ${h.channel(p.channel)} (conversación ${p.conversation}, hilo ${p.thread}).`,
    'event.agentEmail': (p, h) =>
      `events[${p.index}]: ${h.user(p.user)} envía un correo desde el registro del ${p.from === 'ticket' ? 'ticket' : 'contacto'} (conversación ${p.conversation}, hilo ${p.thread}).`,
    'event.setStatus': (p, h) => `events[${p.index}]: un agente pone ${ticketRef(p, h)} en el estado ${h.status(p.status)}.`,
    'event.setOwner': (p, h) => `events[${p.index}]: un agente asigna ${ticketRef(p, h)} a ${h.user(p.owner)}.`,
    'event.setPriority': (p, h) => `events[${p.index}]: un agente cambia la prioridad de ${ticketRef(p, h)} a ${h.value('priority', p.priority)}.`,
    'event.closeTicket': (p, h) => `events[${p.index}]: un agente cierra ${ticketRef(p, h)}.`,
    'event.reopenTicket': (p, h) => `events[${p.index}]: un agente reabre ${ticketRef(p, h)}.`,
    'event.advance': (p) => `events[${p.index}]: pasa el tiempo.`,
    'event.moveChannel': (p, h) =>
      `events[${p.index}]: ${h.user(p.user)} traslada ${h.channel(p.channel)} al servicio de asistencia (${p.history === 'all' ? 'con todas las conversaciones históricas' : 'sin conversaciones históricas'}).`,
    'conversation.started': (p, h) =>
      `Conversación nueva ${p.conversation} de ${h.contact(p.contact)} en ${h.channel(p.channel)}, en ${p.location === 'inbox' ? 'la bandeja de conversaciones' : 'el servicio de asistencia'}.`,
    'conversation.channelChanged': (p, h) => `La conversación ${p.conversation} sigue en ${h.channel(p.channel)}, ahora su canal más reciente.`,
    'conversation.reply': (p) =>
      `El contacto respondió en ${p.newThread ? 'un hilo nuevo' : 'el hilo'} ${p.thread} de la conversación ${p.conversation}${p.hasTicket ? '' : ', que no tiene ticket'}.`,
    'conversation.agentEmail': (p, h) =>
      `${h.user(p.user)} escribió al contacto desde el registro del ${p.from === 'ticket' ? 'ticket' : 'contacto'} en el hilo ${p.thread} de la conversación ${p.conversation}${p.hasTicket ? '' : ', que no tiene ticket'}.`,
    'automation.noTicket': (p, h) =>
      p.reason === 'channelOff'
        ? `Sin ticket: la creación de tickets está desactivada en ${h.channel(p.channel)}.`
        : `Sin ticket: el pipeline ${h.pipeline(p.pipeline)} no crea tickets para conversaciones nuevas.`,
    'automation.notApplied': (p) =>
      p.rule === 'out'
        ? `${RULES.out}: no se aplica, el correo se envió desde el registro del contacto, que nunca cambia el estado del ticket.`
        : `${RULES.in}: no se aplica, la respuesta está en el hilo ${p.thread}, no en ${p.ticketThread ?? 'ningún hilo'}, el hilo en el que se creó el ticket${p.reason === 'threadBeforeReopen' ? ' (y el hilo no empezó después de reabrirlo)' : ''}.`,
    'automation.off': (p, h) => `${RULES[String(p.rule)]}: no se aplica, el disparador está desactivado en ${h.pipeline(p.pipeline)}.`,
    'automation.already': (p, h) => `${RULES[String(p.rule)]}: el ticket ya está en ${h.status(p.status)}.`,
    'automation.apply': (p, h) => `${RULES[String(p.rule)]}: estado → ${h.status(p.status)}.`,
    'ticket.created': (p, h) =>
      `Ticket ${h.entry.ticket} "${p.subject}" creado en ${h.pipeline(p.pipeline)}, estado ${h.status(p.status)}, propietario ${h.user(p.owner)}: ${cause(p, h)}.`,
    'status.changed': (p, h) =>
      `Estado ${h.status(p.from)} → ${h.status(p.to)} (por ${h.actor(p.by)})${p.closed ? '; fecha de cierre fijada' : ''}${p.reopened ? '; reabierto, fecha de cierre borrada' : ''}.`,
    'status.unchanged': (p, h) => `El ticket ya está en ${h.status(p.status)}; no cambia nada.`,
    'property.changed': (p, h) => `${cap(prop(p.property))} cambiado a ${h.value(p.property, p.value)} (por ${h.actor(p.by)}).`,
    'sla.started': (p, h) =>
      `Se aplica el SLA: primera respuesta antes de ${h.time(p.firstResponseDue)}, cierre antes de ${h.time(p.closeDue)} (prioridad ${h.value('priority', p.priority)}${p.from !== h.entry.at ? `, contado desde ${h.time(p.from)}` : ', contado desde ahora'}).`,
    'sla.moved': (p, h) =>
      `Plazos SLA movidos para la prioridad ${h.value('priority', p.priority)}: primera respuesta ${h.time(p.firstResponseDue)}, cierre ${h.time(p.closeDue)}.`,
    'sla.met': (p, h) =>
      p.byClose
        ? `SLA de primera respuesta cumplido: el ticket se cerró antes de ${h.time(p.due)}.`
        : `SLA de ${TARGETS[String(p.target)]} cumplido (vencía ${h.time(p.due)}).`,
    'sla.breached': (p, h) => `SLA incumplido: sin ${TARGETS[String(p.target)]} antes de ${h.time(p.due)}.`,
    'enrollment.enrolled': (p, h) => `Inscrito en ${h.workflow(h.entry.workflow)} por ${h.trigger(p)}: filtros de inscripción: ${h.filters(p)}.`,
    'enrollment.rejected': (p, h) => `No inscrito en ${h.workflow(h.entry.workflow)} por ${h.trigger(p)}: ${rejection(p, h)}.`,
    'enrollment.excluded': (p, h) =>
      `Excluido de ${h.workflow(h.entry.workflow)} por ${h.trigger(p)}: el origen del ticket es ${p.source}, y los tickets de chat en vivo y Messenger quedan fuera de las acciones automáticas salvo que la inscripción del flujo nombre ese origen.`,
    'unenrollment.completed': (p, h) =>
      `Salió de ${h.workflow(h.entry.workflow)} (completado): ${p.reason === 'delayLast' ? 'el retraso era la última acción de su camino' : 'llegó al final de su camino'}.`,
    'unenrollment.unenrolled': (p, h) =>
      `Salió de ${h.workflow(h.entry.workflow)} de inmediato: el ticket cumple los criterios de baja (${h.filters(p)}) ${p.when === 'change' ? 'tras un cambio' : `antes de ${h.action(p.next)}`}${p.delayCancelled ? `; se cancela el retraso en el que esperaba (hasta ${h.time(p.until)})` : ''}.`,
    'unenrollment.stopped': (_p, h) => `Salió de ${h.workflow(h.entry.workflow)}: detenido por el guardián de bucles.`,
    'unenrollment.failed': (p, h) => `Salió de ${h.workflow(h.entry.workflow)} (error): ${p.message}.`,
    'action.sendEmail.sent': (p, h) =>
      `Enviado "${p.subject}" a ${p.to}${p.template ? ` (plantilla "${h.template(p.template)}")` : ''}, ${p.footer ? 'con' : 'sin'} el pie de marca.`,
    'action.notify.sent': (p, h) =>
      `Notificado a ${h.users([p.users ?? '', p.owner ?? ''].filter(Boolean).join(','))}${p.ownerSkipped ? '; se omitió la notificación al propietario: el ticket no tiene propietario' : ''}.`,
    'action.setStatus.set': (p, h) => `Estado cambiado a ${h.status(p.status)}.`,
    'action.setStatus.already': (p, h) => `El ticket ya está en ${h.status(p.status)}; no cambia nada.`,
    'action.setProperty.set': (p, h) => `${cap(prop(p.property))} cambiado a ${p.property === 'owner' && p.value === null ? 'sin asignar' : h.value(p.property, p.value)}.`,
    'action.delay.duration': (p, h) => `Espera ${h.count(p.amount, String(p.unit))}; sigue el ${h.time(p.until)}.`,
    'action.delay.until': (p, h) => `Espera hasta ${h.days(p.days)} a las ${p.time} UTC; sigue el ${h.time(p.until)}.`,
    'action.delayUntilDate.waits': (p, h) => `Espera hasta ${offset(p, h)}; sigue el ${h.time(p.until)}.`,
    'action.delayUntilDate.past': (p, h) => `${cap(offset(p, h))} (${h.time(p.date)}) ya pasó: sigue de inmediato.`,
    'action.delayUntilDate.unknown': (p) => `El ticket no tiene ${prop(p.property)}: sigue de inmediato.`,
    'action.delayUntilEvent.waits': (p, h) => `Espera a ${awaited(p, h)}, como mucho hasta el ${h.time(p.until)}.`,
    'action.branch.path': (p, h) => `Tomó el camino "${h.path(p.label)}" (${h.filters({ held: true, group: p.group ?? 0 })}).`,
    'action.branch.default': (p, h) => `Tomó el camino por defecto "${h.path(p.label)}": ${Number(p.paths) === 1 ? 'su único camino no coincidió' : `ninguno de los ${h.count(p.paths, 'paths')} coincidió`}.`,
    'action.valueBranch.path': (p, h) => `${cap(prop(p.property))}: ${h.value(p.property, p.value)}; tomó el camino "${h.path(p.label)}".`,
    'action.valueBranch.default': (p, h) => `${cap(prop(p.property))}: ${h.value(p.property, p.value)}, sin camino propio; tomó el camino por defecto "${h.path(p.label)}".`,
    'action.goto': (p, h) => `Sigue en ${h.action(p.target)}.`,
    'action.webhook.recorded': (p) => `Registrado ${p.method} ${p.url} (no enviado).`,
    'action.failed': (p) => `Error: ${p.message}.`,
    'delay.resumed': (p, h) => `Reanudado ${h.workflow(h.entry.workflow)} tras su retraso, en ${h.action(p.next)}.`,
    'delay.happened': (p, h) => `Ocurrió lo esperado (${awaited(p, h)}): sigue por el camino "ocurrió"${next(p, h)}.`,
    'delay.timedOut': (p, h) => `Se agotó la espera a ${awaited(p, h)}: sigue por el camino de tiempo agotado${next(p, h)}.`,
    'move.started': (p, h) =>
      `${h.user(p.user)} empezó a trasladar ${h.channel(p.channel)} al servicio de asistencia con ${p.history === 'all' ? `todas las conversaciones (Abiertas → ${h.status(p.openStatus)}, Cerradas → ${h.status(p.closedStatus)})` : 'ninguna conversación histórica'}; termina el ${h.time(p.endsAt)} y no se puede detener.`,
    'move.finished': (p, h) =>
      `${h.channel(p.channel)} está ahora en el servicio de asistencia. Su configuración conserva sus valores (su propia opción de crear tickets sigue ${p.createTickets ? 'activada' : 'desactivada'}); como canal del servicio de asistencia, cada conversación nueva llega ahora con un ticket.`,
    'move.detected': (p, h) => `La conversación ${p.conversation} llegó mientras ${h.channel(p.channel)} se trasladaba: detectada y trasladada al servicio de asistencia.`,
    'move.notWithChannel': (p, h) =>
      `La conversación ${p.conversation} estuvo en ${h.channel(p.channel)} pero ahora está en ${h.channel(p.current)}: solo cuenta en su canal más reciente y no se traslada con este.`,
    'move.historyStays': (p, h) => `Las conversaciones históricas de ${h.channel(p.channel)} se quedan en la bandeja de conversaciones (${p.count}), como se eligió.`,
    'move.withTicket': (p, h) =>
      `La conversación ${p.conversation} pasó al servicio de asistencia con su ticket, tal cual${p.ownerWithoutAccess ? `; su propietario ${h.user(p.ownerWithoutAccess)} no tiene acceso al servicio de asistencia` : ''}.`,
    'move.unknownUser': (p) => `Traslado rechazado: el usuario "${p.user}" no existe en el espacio de trabajo.`,
    'move.notSuperAdmin': (p, h) => `Traslado rechazado: solo los superadministradores pueden trasladar un canal al servicio de asistencia; ${h.user(p.user)} no lo es.`,
    'move.unknownChannel': (p) => `Traslado rechazado: el canal "${p.channel}" no existe en el espacio de trabajo.`,
    'move.kindNotMovable': (p, h) =>
      p.kind === 'whatsapp' || p.kind === 'messenger'
        ? `Traslado rechazado: ${h.channel(p.channel)} es un chatflow de ${p.kind === 'whatsapp' ? 'WhatsApp' : 'Messenger'}; los chatflows de WhatsApp y Messenger no pueden trasladarse al servicio de asistencia.`
        : `Traslado rechazado: ${h.channel(p.channel)} no puede trasladarse; solo los chatflows, el correo conectado y los formularios pueden.`,
    'move.inProgress': (p, h) => `Traslado rechazado: ${h.channel(p.channel)} ya se está trasladando al servicio de asistencia; un traslado iniciado no se puede detener ni volver a iniciar.`,
    'move.oneAtATime': (p, h) => `Traslado rechazado: solo se traslada un canal a la vez; ${h.channel(p.moving)} se sigue trasladando hasta ${h.time(p.endsAt)}.`,
    'move.alreadyMoved': (p, h) => `Traslado rechazado: ${h.channel(p.channel)} ya se trasladó al servicio de asistencia: un canal nunca vuelve atrás, y la opción de trasladar sus conversaciones históricas desaparece una vez trasladado.`,
    'guard.runaway': (p, h) =>
      p.per === 'minute'
        ? `Automatización desbocada detenida en el ticket ${h.entry.ticket}: ejecutó ${h.count(p.counted, 'actions')} en el minuto virtual desde ${h.time(p.since)} (el límite por ticket y minuto) e iba a ejecutar una más. Acciones contadas por flujo: ${counts(p.workflows, h)}${uncounted(p) ? `, otros flujos ${uncounted(p)}` : ''}. Sus ejecuciones se detienen y no se inscribe en nada durante el resto de este minuto.`
        : `Automatización desbocada detenida en el ticket ${h.entry.ticket}: ejecutó ${h.count(p.counted, 'actions')} en esta simulación (el límite por ticket) e iba a ejecutar una más. Acciones contadas por flujo: ${counts(p.workflows, h)}${uncounted(p) ? `, otros flujos ${uncounted(p)}` : ''}. Sus ejecuciones se detienen y no se inscribe en nada durante el resto de la simulación.`,
    'guard.maxSteps': (p, h) => `La simulación se detuvo tras ${h.count(p.limit, 'steps')} sin terminar${p.busiest ? `; flujos más activos (acciones): ${counts(p.busiest, h)}` : ''}.`,
    'guard.budget': (p, h) =>
      `La simulación se detuvo en su presupuesto ${p.budget} de ${p.limit} (${p.used} usados) sin terminar${p.busiest ? `; flujos más activos (acciones): ${counts(p.busiest, h)}` : ''}. Se conserva el resultado hasta ahora.`,
  },
};

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
