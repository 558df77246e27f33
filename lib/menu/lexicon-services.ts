/**
 * Concepts of particular trades, merged into the core lexicon (lib/menu/lexicon.ts, whose
 * header states the rules): internet and mobile providers, utilities, banks and insurers,
 * car service and rental here; software, shops and device repair in
 * lib/menu/lexicon-digital.ts. Written from general knowledge of what customers of such
 * businesses ask, not from our corpora. test/unit/lexicon-services.test.ts checks that no
 * single word (after stemming) is in two concepts.
 *
 * Left out on purpose, as they are in a core concept or name two things: "card",
 * "phone", "transfer" as "перевод"/"Überweisung" (payment), "tariff" (price), "update"/
 * "обновить" (change), "error"/"ошибка"/"Fehler" (wrong data), "Zähler" (stems as
 * "zahlen", pay), "тормозит" (stems as "тормоз", brakes), "reception"/"Empfang" alone
 * (a hotel's front desk), "coverage"/"покрытие" alone (network or insurance), "policy"
 * alone (return policy, fuel policy), "wheel"/"Rad" alone (a bike's wheel is not its tyre).
 * A German word spelled as the English one is at times only under en: the index has it
 * either way, and its German stem would be another word ("Router" → "rout", as "Route";
 * "Modem" → "mod", as "Mode"), or it would be the last part of unrelated compounds.
 */
import { DIGITAL } from './lexicon-digital.js';
import type { Lexicon } from './lexicon-type.js';

const PROVIDERS: Lexicon = {
  // The home internet service itself: "инет" is "интернет", "Glasfaser" a kind of it.
  internet: {
    en: 'internet, broadband, home internet, internet connection, fibre, fiber, fibre optic, fiber optic, dsl, adsl, vdsl, cable internet, wired internet, ethernet',
    ru: 'интернет, инет, интернетик, домашний интернет, проводной интернет, оптоволокно, выделенная линия, подключение к интернету',
    de: 'internet, internetanschluss, internetzugang, internetverbindung, breitband, dsl, vdsl, glasfaser, glasfaseranschluss, kabelinternet, heiminternet',
  },
  // A service that stopped for everyone or for the line: internet, power, water, gas ("нет света").
  // "авария" is a car crash too; no concept here is about crashes, so it names only this.
  // "disconnect" alone is also a request to end the service: only "got disconnected".
  outage: {
    en: 'outage, outages, disruption, disruptions, interruption, service interruption, blackout, power cut, power failure, offline, got disconnected, keeps disconnecting, keeps dropping, connection drops, no internet, no connection, internet down, network down, service down, is down, went down, no power, no electricity, no water, no gas, internet not working, internet is not working, internet doesnt work, internet stopped working, connection lost, lost connection',
    ru: 'сбой, сбои, перебои, перебой, авария, аварии, аварийные работы, отключение, отключения, плановое отключение, нет интернета, нет инета, пропал интернет, интернет пропал, интернет не работает, инет не работает, интернет лежит, сайт лежит, отключили интернет, нет света, нет электричества, отключили свет, нет воды, отключили воду, нет газа, отключили газ',
    de: 'störung, störungen, ausfall, ausfälle, ausgefallen, netzausfall, stromausfall, internetausfall, internetstörung, netzstörung, unterbrechung, unterbrochen, verbindungsabbruch, offline, kein internet, kein strom, kein wasser, kein gas, internet geht nicht, internet funktioniert nicht, internet ist weg, keine verbindung',
  },
  // Slow connection or app ("тупит", "lahm"); "тормозит" is left out (see above).
  speed: {
    en: 'slow, slowly, slower, slowness, speed, speeds, internet speed, download speed, upload speed, bandwidth, mbps, mbit, laggy, latency, ping, buffering, sluggish, speedtest, speed test',
    ru: 'медленно, медленный, медленная, медленнее, скорость, скорости, низкая скорость, скорость упала, упала скорость, режут скорость, подтормаживает, лагает, лаги, интернет тупит, тупит интернет, пинг, долго грузится, грузится долго, долго загружается',
    de: 'langsam, langsamer, lahm, geschwindigkeit, internetgeschwindigkeit, bandbreite, mbit, ruckelt, ruckeln, laggt, latenz, speedtest, schneckentempo, gedrosselt, drosselung',
  },
  // The box at home and its wireless network: "WLAN", "вайфай" and "router" are asked alike.
  router: {
    en: 'router, routers, modem, wi fi, wireless network, access point, repeater, extender, wifi extender, mesh, fritzbox, fritz box',
    ru: 'роутер, маршрутизатор, модема, модемом, вай фай, wi fi, точка доступа, репитер, усилитель сигнала',
    de: 'w lan, wi fi, fritzbox, fritz box, repeater, wlan repeater, accesspoint, access point, wlan router',
  },
  sim: {
    en: 'sim, sim card, simcard, sims, esim, e sim, nano sim, micro sim, sim swap, replacement sim',
    ru: 'сим, симка, симку, симки, сим карта, симкарта, симкарту, есим, esim, e sim, е сим',
    de: 'sim, simkarte, sim karte, esim, e sim, nano sim, sim tausch, simkartentausch',
  },
  // Abroad: roaming for a phone, international shipping for a shop: the same "outside the country".
  abroad: {
    en: 'abroad, overseas, roaming, international, internationally, foreign country, outside the country, another country, other countries, worldwide, eu roaming',
    ru: 'роуминг, за границей, за границу, за рубежом, за рубеж, заграница, зарубежье, зарубежный, в другой стране, в другую страну, международный, международная, международные, по всему миру',
    de: 'ausland, im ausland, ins ausland, auslandsreise, roaming, eu roaming, international, weltweit, auslandstarif',
  },
  // Mobile data allowance; "data" alone is left out (data export, personal data).
  mobile_data: {
    en: 'mobile data, cellular data, data plan, data allowance, data limit, data cap, data usage, out of data, data volume, gigabytes, gigabyte, gb, megabytes, megabyte, data package, data bundle, extra data, unlimited data',
    ru: 'мобильный интернет, мобильный трафик, трафик, гигабайт, гигабайты, гигабайтов, гиги, гигов, гб, мегабайт, мегабайты, пакет интернета, пакет гигабайт, безлимит, безлимитный, безлимитный интернет, закончился интернет, закончились гигабайты',
    de: 'datenvolumen, mobile daten, mobiles internet, highspeed volumen, inklusivvolumen, gigabyte, gb, datenpaket, datenpass, datenautomatik, datenflat, volumen aufgebraucht, daten aufgebraucht',
  },
  // Keeping one's number when switching provider.
  number_port: {
    en: 'port my number, porting my number, port number, number porting, number transfer, transfer my number, keep my number, keep my phone number, keep my old number, pac code, mnp',
    ru: 'перенос номера, перенести номер, сохранить номер, сохранить свой номер, оставить номер, оставить свой номер, переход с номером, со своим номером, с сохранением номера, портирование, портировать, мнп',
    de: 'rufnummernmitnahme, rufnummernportierung, portierung, portieren, nummer mitnehmen, rufnummer mitnehmen, nummer behalten, rufnummer behalten, mitnahme der rufnummer',
  },
  // Another plan with the same provider; "tariff" alone is price, "change" alone is change.
  plan_change: {
    en: 'upgrade, upgrading, downgrade, downgrading, change plan, change my plan, switch plan, switch plans, change tariff, change my tariff, different plan, better plan, bigger plan, plan change, tariff change',
    ru: 'сменить тариф, поменять тариф, смена тарифа, изменить тариф, перейти на другой тариф, перейти на тариф, переход на другой тариф, другой тариф, повысить тариф, понизить тариф, апгрейд, даунгрейд',
    de: 'tarifwechsel, tarifänderung, tarifumstellung, tarif wechseln, tarif ändern, tarif umstellen, anderer tarif, anderen tarif, upgrade, downgrade, hochstufen, herabstufen, vertragsänderung',
  },
  contract: {
    en: 'contract, contracts, agreement, my contract, contract term, minimum term, contract length, contract period',
    ru: 'договор, договора, договоры, контракт, договор на обслуживание, срок договора, условия договора, оферта',
    de: 'vertrag, verträge, vertragslaufzeit, laufzeit, mindestlaufzeit, vertragsdauer, vertragsunterlagen, vertragsnummer, vertragsbedingungen',
  },
  // Moving house with the service; "move" alone is left out (move an appointment).
  relocation: {
    en: 'relocation, relocate, relocating, moving house, move house, moving home, moving out, moved house, i am moving, im moving, we are moving, were moving, new address, change of address, address change',
    ru: 'переезд, переезжаю, переезжаем, переезжать, переехал, переехала, переехали, переехать, смена адреса, новый адрес, новая квартира, перенести интернет',
    de: 'umzug, umziehen, umgezogen, umzugsservice, umzugsmeldung, neue adresse, adressänderung, adresswechsel, wohnortwechsel, neue wohnung',
  },
  // Lost or stolen phone, card or SIM: reported and blocked alike.
  lost_stolen: {
    en: 'stolen, stole, theft, robbed, pickpocketed, lost phone, lost my phone, phone stolen, lost card, lost my card, card stolen',
    ru: 'утеря, утерян, утеряна, украли, украден, украдена, кража, своровали, стащили',
    de: 'verlust, gestohlen, diebstahl, geklaut, geraubt, abhandengekommen, handy verloren, karte verloren, karte gestohlen, handy gestohlen',
  },
  // Mobile signal where one is; "нет связи" is no signal here, a line down is outage.
  coverage: {
    en: 'signal, no signal, weak signal, poor signal, bad signal, network coverage, mobile coverage, coverage map, no reception, bad reception, poor reception, dead zone, dead spot, no bars, signal strength, cell tower',
    ru: 'сигнал, нет сигнала, слабый сигнал, плохой сигнал, покрытие сети, зона покрытия, карта покрытия, плохо ловит, не ловит, ловит плохо, плохая связь, нет связи, нет сети, пропадает связь, связь пропадает, вышка, сотовая вышка',
    de: 'signal, kein signal, schwaches signal, netzabdeckung, mobilfunkabdeckung, kein empfang, schlechter empfang, schlechten empfang, kein netz, schlechtes netz, funkloch, funklöcher, balken, netzqualität, sendemast, funkmast',
  },
  // The device; "phone" alone is contact ("call us").
  smartphone: {
    en: 'smartphone, smartphones, mobile phone, cell phone, cellphone, handset, iphone',
    ru: 'смартфон, мобильник, мобильный телефон, сотовый телефон, айфон, телефончик',
    de: 'handy, handys, smartphone, mobiltelefon, iphone',
  },
  // Adding money to a prepaid line.
  topup: {
    en: 'top up, topup, recharge, recharging, add credit, prepaid, pay as you go, payg',
    ru: 'пополнить, пополнение, пополню, пополнил, пополнить баланс, пополнить счет, закинуть деньги, положить деньги',
    de: 'guthaben aufladen, prepaid, prepaidkarte, prepaid karte, aufladecode, guthabenkarte, guthabencode',
  },
  balance: {
    en: 'balance, account balance, remaining balance, check balance, credit left, remaining credit',
    ru: 'баланс, остаток на счете, остаток средств, проверить баланс, узнать баланс, сколько денег на счете',
    de: 'kontostand, guthaben, saldo, restguthaben, kontosaldo, guthaben abfragen, kontostand abfragen',
  },
};

const UTILITIES: Lexicon = {
  // "Zähler" alone stems as "zahlen" (pay): only its compounds.
  meter: {
    en: 'meter, meters, meter reading, meter readings, submit reading, submit a reading, send reading, smart meter, electricity meter, gas meter, water meter, meter number, read the meter',
    ru: 'счетчик, счетчики, счетчика, показания, показания счетчика, передать показания, подать показания, электросчетчик, водосчетчик, поверка счетчика, поверка',
    de: 'zählerstand, zählerstände, zählerstandsmeldung, zählernummer, stromzähler, gaszähler, wasserzähler, ablesung, ablesen, zählerablesung, zählerwechsel, smart meter',
  },
  electricity: {
    en: 'electricity, electric, power, power supply, energy, electricity supply, kwh, kilowatt, kilowatt hours',
    ru: 'электричество, электроэнергия, электроснабжение, свет, энергия, энергоснабжение, квт, киловатт',
    de: 'strom, elektrizität, stromversorgung, energie, energieversorgung, kwh, kilowattstunde, kilowattstunden, stromanbieter, ökostrom, stromtarif',
  },
  // "gas" is petrol to Americans: a car renter's "gas" lands here, not at fuel.
  gas: {
    en: 'gas, natural gas, gas supply, gas connection',
    ru: 'газ, газоснабжение, природный газ, газовый, газовая, газовое',
    de: 'gas, erdgas, gasversorgung, gasanschluss, gastarif, gasanbieter',
  },
  water: {
    en: 'water, water supply, tap water, mains water, drinking water, hot water, cold water',
    ru: 'вода, воды, водоснабжение, водопровод, горячая вода, холодная вода, водоканал',
    de: 'wasser, wasserversorgung, leitungswasser, trinkwasser, kaltwasser',
  },
};

const FINANCE: Lexicon = {
  // Blocking and unblocking a card or account ("locked out" of a login is account).
  block: {
    en: 'block, blocked, blocking, unblock, unblocked, freeze my card, freeze card, lock my card, block my card, card blocked',
    ru: 'заблокировать, заблокирован, заблокирована, заблокировали, заблокируйте, блокировка, блокировку, разблокировать, разблокировка, разблокируйте',
    de: 'sperren, gesperrt, sperrung, sperre, entsperren, entsperrt, kartensperre, sperrnummer, karte sperren, gesperrte karte',
  },
  // Sending money to someone (paying the business is payment).
  money_transfer: {
    en: 'money transfer, send money, iban, swift, bic, sepa, beneficiary, payee, standing order',
    ru: 'перевести деньги, перевод денег, отправить деньги, перевод на карту, перевод по номеру, межбанковский перевод, iban, swift, реквизиты, банковские реквизиты',
    de: 'geld senden, geld überweisen, geld schicken, iban, bic, sepa, dauerauftrag, auslandsüberweisung, echtzeitüberweisung, bankverbindung',
  },
  // "кредит" is payment (buying on credit), and "Kredit" read as Russian is "кредит": compounds only.
  loan: {
    en: 'loan, loans, mortgage, mortgages, borrow money, lending, lender, overdraft, credit line, line of credit, personal loan, car loan, refinance, refinancing',
    ru: 'займ, заем, займы, ипотека, ипотеку, ипотечный, кредитование, взять кредит, оформить кредит, кредитная линия, овердрафт, микрозайм, рефинансирование, потребительский кредит',
    de: 'darlehen, hypothek, baufinanzierung, ratenkredit, dispokredit, überziehungskredit, privatkredit, autokredit, umschuldung',
  },
  insurance: {
    en: 'insurance, insured, insurer, insurance policy, policy number, my policy, deductible, insurance cover, am i covered, is it covered, what is covered, health insurance, insurance company, insurance card, private insurance, covered by insurance',
    ru: 'страховка, страховку, страхование, страховой полис, полис, застрахован, застраховать, каско, осаго, страховое покрытие, страховки, страховой, страховая, омс, дмс, по страховке',
    de: 'versicherung, versicherungen, versichert, versichern, versicherungspolice, policennummer, versicherungsschutz, vollkasko, teilkasko, kasko, haftpflicht, selbstbeteiligung, versicherungskarte, krankenkasse, krankenversicherung, privatversichert, privat versichert, gesetzlich versichert, kassenpatient, privatpatient, gesundheitskarte',
  },
  // Asking the insurer to pay for a loss.
  claim: {
    en: 'claim, claims, file a claim, make a claim, insurance claim, claim form, claim status, report damage, damage report',
    ru: 'страховой случай, страховое возмещение, страховая выплата, выплата страховки, возмещение ущерба, возмещение, урегулирование убытка',
    de: 'schadensmeldung, schadenmeldung, schadensfall, schadenfall, versicherungsfall, schaden melden, schadensnummer, schadensregulierung, schadenregulierung',
  },
};

const CARS: Lexicon = {
  // Tyres, their seasonal change and punctures ("переобуться").
  tyres: {
    en: 'tyre, tyres, tire, tires, flat tyre, flat tire, puncture, punctured, tyre change, tire change, winter tyres, winter tires, summer tyres, summer tires, tyre pressure, tire pressure, wheel change, change wheels, tread',
    ru: 'шина, шины, резина, резину, покрышка, покрышки, шиномонтаж, переобуть, переобуться, переобувка, прокол, пробил колесо, спустило колесо, зимняя резина, летняя резина, смена резины, замена шин',
    de: 'reifen, reifenwechsel, radwechsel, räderwechsel, einen platten, plattfuß, reifenpanne, winterreifen, sommerreifen, ganzjahresreifen, allwetterreifen, reifendruck, reifenservice, reifeneinlagerung',
  },
  oil: {
    en: 'oil, oil change, engine oil, motor oil, oil service, oil and filter',
    ru: 'масло, замена масла, моторное масло, поменять масло, сменить масло',
    de: 'öl, ölwechsel, motoröl, ölservice, öl wechseln, ölstand, ölfilter',
  },
  // The periodic roadworthiness test; a dentist's check-up ("осмотр") is not it.
  inspection: {
    en: 'inspection, inspections, mot, mot test, vehicle inspection, safety inspection, annual inspection, roadworthiness, tuv, emissions test, smog check',
    ru: 'техосмотр, тех осмотр, диагностическая карта, пройти техосмотр, плановое то',
    de: 'inspektion, hauptuntersuchung, hu, tüv, abgasuntersuchung, durchsicht, jahresinspektion',
  },
  // The car stopped on the road: towing, jump start.
  breakdown: {
    en: 'breakdown, broke down, broken down, roadside assistance, roadside help, roadside, tow, towing, tow truck, jump start, jumpstart, car wont start, car won t start, stranded, breakdown cover',
    ru: 'эвакуатор, техпомощь, помощь на дороге, не заводится, заглохла, заглох, сломалась машина, прикурить, застрял на дороге',
    de: 'panne, autopanne, pannenhilfe, pannendienst, pannenservice, abschleppen, abschleppdienst, abgeschleppt, liegengeblieben, liegen geblieben, anspringen, starthilfe',
  },
  vehicle: {
    en: 'car, cars, vehicle, vehicles, automobile',
    ru: 'машина, машину, машины, автомобиль, автомобили, авто, автомашина, тачка, легковушка',
    de: 'auto, autos, wagen, fahrzeug, fahrzeuge, pkw, kfz, automobil',
  },
  fuel: {
    en: 'fuel, petrol, diesel, gasoline, refuel, refueling, refuelling, full tank, fuel level, tank',
    ru: 'бензин, топливо, дизель, солярка, заправить, заправка, заправиться, полный бак, бак',
    de: 'tanken, getankt, volltanken, vollgetankt, benzin, kraftstoff, sprit, tankfüllung, tank, tankstelle, treibstoff, voller tank',
  },
};

export const SERVICES: Lexicon = { ...PROVIDERS, ...UTILITIES, ...FINANCE, ...CARS, ...DIGITAL };
