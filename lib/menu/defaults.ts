/**
 * Built-in texts and words, used where a menu file says nothing. A file can override
 * any message and extend any word list; these keep an old, minimal file working.
 */
import type { LocalText, MessageKey, WordKind } from './types.js';

export const DEFAULT_MESSAGES: Readonly<Record<MessageKey, LocalText>> = {
  unknown: {
    en: 'Sorry, I did not understand. Please choose an item.',
    ru: 'Извините, я не понял. Пожалуйста, выберите пункт.',
    de: 'Entschuldigung, das habe ich nicht verstanden. Bitte wählen Sie einen Punkt.',
  },
  welcomeBack: {
    en: 'Welcome back, #USER_NAME#!',
    ru: 'С возвращением, #USER_NAME#!',
    de: 'Willkommen zurück, #USER_NAME#!',
  },
  menuChanged: {
    en: 'Our menu has changed, so let us start again.',
    ru: 'Наше меню изменилось, начнём сначала.',
    de: 'Unser Menü hat sich geändert, fangen wir neu an.',
  },
  retriesExceeded: {
    en: 'I am having trouble understanding you, so I am passing you to an operator.',
    ru: 'Я не могу вас понять, поэтому передаю диалог оператору.',
    de: 'Ich verstehe Sie leider nicht und verbinde Sie mit einem Mitarbeiter.',
  },
  askInvalid: {
    en: 'That does not look right. Please try again.',
    ru: 'Кажется, это неверный ответ. Попробуйте ещё раз.',
    de: 'Das scheint nicht zu stimmen. Bitte versuchen Sie es noch einmal.',
  },
  outOfHours: {
    en: 'We are closed right now. Leave your question and we will answer when we are back.',
    ru: 'Сейчас мы не работаем. Оставьте вопрос, и мы ответим, когда вернёмся.',
    de: 'Wir haben gerade geschlossen. Hinterlassen Sie Ihre Frage, wir antworten, sobald wir zurück sind.',
  },
  noOperatorNow: {
    en: 'Our operators are offline now. Your message is saved and we will answer when we open.',
    ru: 'Операторы сейчас не в сети. Ваше сообщение сохранено, мы ответим в рабочее время.',
    de: 'Unsere Mitarbeiter sind gerade nicht erreichbar. Ihre Nachricht ist gespeichert, wir antworten zu den Öffnungszeiten.',
  },
  toOperator: {
    en: 'Connecting you to an operator. Please wait a moment.',
    ru: 'Соединяю вас с оператором. Пожалуйста, подождите.',
    de: 'Ich verbinde Sie mit einem Mitarbeiter. Bitte warten Sie einen Moment.',
  },
  languageChanged: {
    en: 'Language: English.',
    ru: 'Язык: русский.',
    de: 'Sprache: Deutsch.',
  },
  clarify: {
    en: 'Did you mean #FIRST# or #SECOND#?',
    ru: 'Вы имели в виду #FIRST# или #SECOND#?',
    de: 'Meinten Sie #FIRST# oder #SECOND#?',
  },
  botUnavailable: {
    en: 'This service is unavailable right now.',
    ru: 'Этот сервис сейчас недоступен.',
    de: 'Dieser Dienst ist gerade nicht verfügbar.',
  },
};

/** Matched after normalisation (lower case, no accents, no punctuation), whole message. */
export const DEFAULT_WORDS: Readonly<Record<WordKind, Readonly<Record<string, readonly string[]>>>> = {
  menu: {
    en: ['menu', 'main menu', 'start', 'home', 'restart', 'start over'],
    ru: ['меню', 'главное меню', 'начало', 'в начало', 'старт', 'сначала', 'начать сначала'],
    de: ['menü', 'menu', 'hauptmenü', 'start', 'anfang', 'von vorne', 'neu starten'],
  },
  back: {
    en: ['back', 'go back', 'previous', 'return'],
    ru: ['назад', 'вернуться', 'обратно', 'вернуться назад'],
    de: ['zurück', 'zuruck', 'zurueck', 'vorherige'],
  },
  operator: {
    en: [
      'operator',
      'human',
      'agent',
      'person',
      'manager',
      'live agent',
      'real person',
      'talk to a human',
      'talk to operator',
      'support agent',
      'speak to someone',
      'talk to someone',
      'customer service',
    ],
    // Russian nouns change their ending after a preposition ("с оператором", "с человеком"): list the forms.
    ru: [
      'оператор',
      'оператора',
      'оператором',
      'оператору',
      'человек',
      'человеком',
      'живой человек',
      'менеджер',
      'менеджера',
      'менеджером',
      'позовите оператора',
      'соедините с оператором',
      'специалист',
      'специалистом',
      'сотрудник',
      'сотрудником',
    ],
    de: [
      'mitarbeiter',
      'mitarbeiterin',
      'mensch',
      'menschen',
      'berater',
      'operator',
      'agent',
      'echter mensch',
      'mit einem menschen sprechen',
      'kundenberater',
      'kundenservice',
    ],
  },
  greeting: {
    en: ['hi', 'hello', 'hey', 'good morning', 'good afternoon', 'good evening', 'hi there', 'hello there', 'greetings', 'yo'],
    ru: ['привет', 'здравствуйте', 'здравствуй', 'добрый день', 'доброе утро', 'добрый вечер', 'приветствую', 'здрасте', 'хай', 'алло'],
    de: ['hallo', 'hi', 'guten tag', 'guten morgen', 'guten abend', 'servus', 'moin', 'gruss gott', 'grüß gott', 'hey'],
  },
};

export const DEFAULT_SETTINGS = {
  maxRetries: 3,
  idleRestartMinutes: 720,
  stateTtlDays: 30,
  handoverCard: true,
} as const;
