/**
 * A small lexicon of what customers of any business ask first-line support about, in
 * English, Russian and German: per concept, the words and short phrases people use for
 * it. Written from general knowledge of support requests (not from our corpora), so an
 * item titled "Prices" is found by "how much", "fee" or "стоимость" without its author
 * having listed them. Comma-separated entries; an entry of several words is matched as a
 * phrase. Words are stemmed per language when the lexicon is indexed (lib/menu/concepts.ts),
 * so one form of a word is enough; irregular forms are listed.
 *
 * Kept narrow on purpose: a concept joins words that name the same request, never words
 * that merely co-occur with it ("order" is in tracking, returns and payment alike, so it
 * is in none), and a word is in one concept only. A word in the wrong concept can make the bot run a wrong item; a word left
 * out only leaves a message to the item's own examples.
 */
import { PLACES } from './lexicon-places.js';
import { SERVICES } from './lexicon-services.js';
import type { Lexicon } from './lexicon-type.js';

export type { Lexicon } from './lexicon-type.js';

export const CORE: Lexicon = {
  hours: {
    en: 'hours, opening hours, business hours, working hours, office hours, open, opening, opens, close, closing, closes, closed, timetable, when are you open, when do you open, when do you close, until when, what time',
    ru: 'часы работы, время работы, режим работы, график работы, часы, график, расписание, открыты, открыто, открываетесь, закрываетесь, закрыты, закрыто, работаете, работает, до скольки, во сколько',
    de: 'öffnungszeiten, geschäftszeiten, sprechzeiten, arbeitszeiten, geöffnet, offen, öffnen, öffnet, aufmachen, zumachen, aufhaben, zuhaben, schließen, schließt, geschlossen, bis wann, ab wann, um wie viel uhr, habt ihr auf, haben sie auf, macht ihr auf, macht ihr zu, machen sie zu',
  },
  price: {
    en: 'price, prices, pricing, cost, costs, fee, fees, tariff, rate, rates, how much, expensive, cheap, quote, estimate, price list',
    ru: 'цена, цены, стоимость, стоит, стоят, сколько стоит, прайс, прайслист, тариф, расценки, почем, дорого, дешево',
    de: 'preis, preise, kosten, kostet, gebühr, gebühren, tarif, wie viel, wieviel, was kostet, teuer, günstig, preisliste, kostenvoranschlag',
  },
  location: {
    en: 'address, location, located, directions, where are you, where is the shop, where is your office, where can i find you, how to find us, find us, find you, how to get there, how do i get to, map, parking, park, car park, nearest',
    ru: 'адрес, местоположение, где вы, где вы находитесь, находитесь, расположены, как добраться, как доехать, как проехать, как пройти, как нас найти, нас найти, как вас найти, найти вас, проезд, карта проезда, парковка, припарковаться, метро',
    de: 'adresse, anschrift, standort, anfahrt, wo sind sie, wo seid ihr, wo finde ich, so finden sie uns, finden sie uns, uns finden, euch finden, wie komme ich, lageplan, parkplatz, parkplätze, parken, parkhaus, filiale',
  },
  delivery: {
    en: 'delivery, deliver, delivered, shipping, ship, shipped, shipment, dispatch, dispatched, parcel, package, courier, postage, arrive, arrived, arrival',
    ru: 'доставка, доставить, доставят, доставили, отправка, отправить, отправили, посылка, посылку, курьер, привезти, привезут, привезете, пришла, придет, дойдет, прибудет',
    de: 'lieferung, liefern, geliefert, versand, versenden, verschickt, versandt, paket, päckchen, sendung, zustellung, kurier, ankommen, angekommen, kommt an',
  },
  track: {
    en: 'track, tracking, tracking number, where is my, where s my, status of my, order status, has it shipped, not arrived, never arrived, never came, never showed up, still waiting',
    ru: 'отследить, отслеживание, трек, трек номер, где мой, где моя, где мое, статус заказа, не пришел, не пришла, не приехал, не привезли, не доставили, до сих пор нет',
    de: 'verfolgen, sendungsverfolgung, sendungsnummer, tracking, wo ist mein, wo ist meine, wo bleibt, status meiner, nicht angekommen, nie angekommen, nie gekommen, nicht gekommen, noch nicht da',
  },
  payment: {
    en: 'payment, pay, paying, paid, card, credit card, debit card, visa, mastercard, paypal, apple pay, google pay, cash, bank transfer, wire transfer, installments, instalments, klarna, checkout',
    ru: 'оплата, оплатить, платить, заплатить, плачу, платеж, карта, картой, наличные, наличными, перевод, безнал, рассрочка, кредит, visa, paypal',
    de: 'zahlung, zahlen, bezahlen, bezahlung, zahlungsart, zahlungsarten, karte, kreditkarte, ec karte, bar, barzahlung, überweisung, paypal, ratenzahlung, raten, lastschrift, vorkasse',
  },
  invoice: {
    en: 'invoice, invoices, bill, billing, receipt, vat, statement',
    ru: 'счет, счета, счет фактура, чек, квитанция, закрывающие документы',
    de: 'rechnung, rechnungen, quittung, beleg, kassenbon, abrechnung',
  },
  refund: {
    en: 'return, returns, refund, refunds, money back, send back, send it back, exchange, swap, replace, replacement, reimburse, give back, take back',
    ru: 'возврат, вернуть, верните, вернуть деньги, обмен, обменять, замена, заменить, сдать, компенсация',
    de: 'rückgabe, zurückgeben, zurückschicken, zurücksenden, retoure, retour, umtausch, umtauschen, erstattung, erstatten, rückerstattung, geld zurück, zurückhaben, zurückbekommen, ersatz',
  },
  defect: {
    en: 'broken, broke, break, damaged, damage, defective, defect, faulty, fault, cracked, crack, dented, crushed, not working, stopped working, doesnt work, does not work, crash, crashes, crashed, freezes, frozen, glitch, bug, warranty, guarantee, scratched',
    ru: 'сломан, сломался, сломалась, сломалось, поломка, брак, бракованный, поврежден, повреждение, разбит, мятый, помятый, вмятина, дефект, неисправен, не работает, перестал работать, вылетает, зависает, глючит, баг, падает, трещина, гарантия, гарантийный',
    de: 'kaputt, defekt, beschädigt, schaden, gebrochen, verbeult, zerdrückt, riss, funktioniert nicht, geht nicht, abstürzen, stürzt ab, absturz, hängt, bug, garantie, gewährleistung, reklamation, mangel, mangelhaft',
  },
  booking: {
    en: 'appointment, booking, book, reserve, reservation, slot, visit, reschedule, sign up, come in',
    ru: 'запись, записаться, записать, запишите, прием, бронь, бронирование, забронировать, перенести запись, визит, прийти',
    de: 'termin, termine, buchen, buchung, reservieren, reservierung, vereinbaren, verschieben, vorbeikommen, besuch',
  },
  change: {
    en: 'change, update, modify, edit, correct, amend',
    ru: 'изменить, поменять, сменить, исправить, обновить, изменение, смена',
    de: 'ändern, änderung, aktualisieren, korrigieren, bearbeiten, wechseln',
  },
  error: {
    en: 'wrong, incorrect, mistake, error, typo, old',
    ru: 'неправильный, неверный, ошибка, ошибся, ошиблась, не тот, старый',
    de: 'falsch, fehler, irrtum, vertippt, alt, alte',
  },
  duration: {
    en: 'how long, how many days, how fast, how quickly, how soon, time frame',
    ru: 'как долго, сколько дней, как быстро, сколько идет, срок, сроки',
    de: 'wie lange, wie schnell, wie viele tage, dauer, dauert, frist',
  },
  copy: {
    en: 'copy, duplicate, resend, send again, another copy',
    ru: 'копия, копию, дубликат, повторно, еще раз',
    de: 'kopie, duplikat, zweitschrift, nochmal, erneut',
  },
  cancel: {
    en: 'cancel, cancellation, cancelled, canceled, call off, unsubscribe, terminate my contract, terminate the contract, end my contract, end the contract',
    ru: 'отменить, отмена, отменить заказ, отказаться, отписаться, расторгнуть, расторжение',
    de: 'stornieren, stornierung, storno, absagen, kündigen, kündigung, abbestellen, vertrag beenden',
  },
  contact: {
    en: 'contact, contacts, phone, telephone, phone number, call, call back, callback, email, e mail, whatsapp, reach you',
    ru: 'контакт, контакты, телефон, номер телефона, позвонить, звонок, перезвонить, перезвоните, почта, email, whatsapp',
    de: 'kontakt, kontaktdaten, telefon, telefonnummer, anrufen, rückruf, zurückrufen, email, e mail, whatsapp, erreichen',
  },
  operator: {
    en: 'operator, human, person, real person, agent, staff, someone, manager, representative, employee, consultant, support, customer service, live chat',
    ru: 'оператор, человек, живой человек, менеджер, сотрудник, консультант, специалист, поддержка, служба поддержки, администратор',
    de: 'mitarbeiter, mensch, person, berater, kundendienst, kundenservice, support, jemand, ansprechpartner',
  },
  emergency: {
    en: 'emergency, urgent, urgently, asap, immediately, pain, painful, hurts, hurt, ache, aching, bleeding, swollen',
    ru: 'срочно, срочный, экстренно, экстренный, боль, болит, больно, ноет, кровь, кровоточит, опухла, опух',
    de: 'notfall, dringend, sofort, akut, schmerzen, schmerz, weh, tut weh, blutet, geschwollen',
  },
  account: {
    en: 'account, login, log in, sign in, password, username, locked out, reset password, profile',
    ru: 'аккаунт, учетная запись, личный кабинет, логин, войти, зайти, вход, пароль, сбросить пароль, профиль',
    de: 'konto, kundenkonto, login, anmelden, anmeldung, einloggen, passwort, kennwort, zugang, profil',
  },
  charged: {
    en: 'charged, overcharged, debited, double charge, charged twice',
    ru: 'списали, списание, списали деньги, двойное списание',
    de: 'abgebucht, abbuchung, belastet, doppelt abgebucht',
  },
  discount: {
    en: 'discount, discounts, promo, promo code, coupon, voucher, sale, deal',
    ru: 'скидка, скидки, промокод, купон, акция, распродажа',
    de: 'rabatt, gutschein, aktion, sonderangebot, ausverkauf, promo code, gutscheincode',
  },
  subscription: {
    en: 'subscription, subscribe, membership, member, renew, renewal, auto renewal',
    ru: 'подписка, подписку, подписаться, абонемент, членство, продление, автопродление, продлить',
    de: 'abo, abonnement, abonnieren, mitgliedschaft, verlängerung, verlängern',
  },
  free: {
    en: 'free, free of charge, no cost, trial, free trial',
    ru: 'бесплатно, бесплатный, бесплатная, пробный, пробная версия',
    de: 'kostenlos, gratis, umsonst, testversion, probeversion',
  },
  rent: {
    en: 'rent, rental, hire, lease, borrow',
    ru: 'аренда, арендовать, прокат, напрокат, взять напрокат',
    de: 'mieten, miete, vermietung, leihen, ausleihen, verleih',
  },
  repair: {
    en: 'repair, repairs, fix, fixing, mend, maintenance',
    ru: 'ремонт, починить, отремонтировать, починка, техобслуживание',
    de: 'reparatur, reparieren, wartung, instandsetzung',
  },
  delete: {
    en: 'delete, remove, erase, deactivate',
    ru: 'удалить, удаление, стереть, деактивировать',
    de: 'löschen, entfernen, deaktivieren, löschung',
  },
  catalog: {
    en: 'services, catalog, catalogue, range, assortment, what do you offer',
    ru: 'услуги, каталог, ассортимент, что вы предлагаете',
    de: 'leistungen, katalog, sortiment, was bieten sie an',
  },
  size: {
    en: 'size, sizes, too small, too big, too large',
    ru: 'размер, размеры, размерная сетка',
    de: 'größe, größen, zu klein, zu groß',
  },
  feedback: {
    en: 'feedback, review, suggestion',
    ru: 'отзыв, отзывы, пожелание',
    de: 'feedback, bewertung, rückmeldung, vorschlag',
  },
  complaint: {
    en: 'complaint, complain, unhappy, dissatisfied, disappointed, terrible service, bad service',
    ru: 'жалоба, пожаловаться, недоволен, недовольна, претензия, ужасный сервис',
    de: 'beschwerde, beschweren, unzufrieden, enttäuscht, schlechter service',
  },
  stock: {
    en: 'in stock, available, availability, out of stock, sold out, back in stock',
    ru: 'в наличии, наличие, есть в наличии, закончился, нет в наличии',
    de: 'verfügbar, verfügbarkeit, lieferbar, vorrätig, auf lager, ausverkauft',
  },
  language: {
    en: 'language, languages, switch language, translate',
    ru: 'язык, языки, сменить язык, перевести',
    de: 'sprache, sprachen, sprache wechseln, übersetzen',
  },
  // Outside what a support line is for (lib/menu/choose.ts OUTSIDE): no item is picked on a
  // message's other words when it names one of these and no item of the menu does. Words that
  // also come up in requests ("resume my subscription", "late because of snow") only in phrases.
  jobs: {
    en: 'job, jobs, job opening, job openings, vacancy, vacancies, career, careers, are you hiring, hiring now, apply for a job, work for you, work with you, internship, my resume, my cv',
    ru: 'вакансия, вакансии, вакансий, работать у вас, у вас работать, ищу работу, устроиться на работу, набираете сотрудников, ищете сотрудников, нужны сотрудники, резюме, стажировка, трудоустройство',
    de: 'job, jobs, offene stelle, offene stellen, freie stelle, freie stellen, stellenangebot, stellenangebote, bewerben, bewerbung, karriere, praktikum, lebenslauf, sucht ihr mitarbeiter, suchen sie mitarbeiter, sucht ihr personal, suchen sie personal, bei euch arbeiten, bei ihnen arbeiten',
  },
  weather: {
    en: 'weather, weather forecast, going to rain, will it rain, going to snow, will it snow',
    ru: 'погода, погоду, погоде, прогноз погоды, будет ли дождь, будет дождь, пойдет снег',
    de: 'wetter, wettervorhersage, regnet es, wird es regnen, schneit es',
  },
  english: { en: 'english, in english', ru: 'английский, по английски, на английском', de: 'englisch, auf englisch' },
  russian: { en: 'russian, in russian', ru: 'русский, по русски, на русском', de: 'russisch, auf russisch' },
  german: { en: 'german, in german, deutsch', ru: 'немецкий, по немецки, на немецком', de: 'deutsch, auf deutsch' },
};

/** The core concepts and those of places (lib/menu/lexicon-places.ts) and trades (lib/menu/lexicon-services.ts). */
export const LEXICON: Lexicon = { ...CORE, ...PLACES, ...SERVICES };
