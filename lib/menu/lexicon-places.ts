/**
 * Concepts of the places people book and visit: hotels and guesthouses, travel, restaurants
 * and food delivery, clinics, beauty and fitness, courses. Same format and rules as the core
 * lexicon (lib/menu/lexicon.ts), written the same way from general knowledge of what guests,
 * patients and students ask. Words the core lexicon already has stay there: a booking is
 * `booking`, a membership `subscription`, pain `emergency`, "arrival" and "ankommen"
 * `delivery`, "timetable", "расписание" and "график" `hours`, "checkout" `payment`,
 * "vacancy" `jobs`. Checked by test/unit/lexicon-concepts.test.ts: a word, or its stem, is
 * in one concept only, in any language.
 *
 * Left out on purpose, each for a reason that would make a wrong item run: words that name
 * something else too ("number" for a room, "bar" for cash in German, "train" = "training",
 * "start" and "menu" = navigation words, "code" = promo code, "program" = software, "test"
 * = a trial or a test drive), words whose stem is another word ("apartment" → "apart",
 * "suite" → "suit", "medication" → "medic(al)", "screening" → "screen", "cooling" → "cool",
 * "белье" → "бел(ый)", "еду" = I am going), words that are another word in another
 * language (German "Kind(er)" = English "kind", "Tier(e)" = "tier", "Bad" = "bad", "Router"
 * → "rout(e)"), and words said with any request ("night", "cold", "leave", "collect", "обед" = a lunch break, "сутки", "готов").
 */
import type { Lexicon } from './lexicon-type.js';

export const PLACES: Lexicon = {
  // Hotels and guesthouses. A place to sleep: a room, a bed in a dorm, nights of a stay.
  room: {
    en: 'room, rooms, double room, single room, twin room, family room, accommodation, lodging, stay, overnight, dorm, dormitory, per night, a night, for the night',
    ru: 'комната, комнаты, одноместный, двухместный, трехместный, люкс, апартаменты, проживание, размещение, жилье, ночлег, переночевать, ночевка, посуточно, свободные номера, свободный номер, номер на двоих, снять номер, на ночь, за ночь',
    de: 'zimmer, doppelzimmer, einzelzimmer, familienzimmer, mehrbettzimmer, apartment, ferienwohnung, unterkunft, übernachtung, übernachtungen, übernachten, schlafplatz, pro nacht, eine nacht, freie zimmer, zimmer frei',
  },
  // Arriving as a guest ("arrival" alone is a parcel's, in `delivery`).
  checkin: {
    en: 'check in, checkin, checking in, check in time, early check in, late check in, self check in, late arrival, early arrival, arrival time, arriving late',
    ru: 'заселение, заселения, заселиться, заселят, заезд, заезда, заехать, чекин, чек ин, ранний заезд, поздний заезд, время заезда, время заселения, поселиться, приезд, прибытие',
    de: 'check in, einchecken, anreise, anreisen, anreisetag, ankunft, ankunftszeit, späte anreise, frühe anreise, check in zeit',
  },
  // Leaving ("checkout" alone is a shop's, in `payment`).
  checkout: {
    en: 'check out, checking out, check out time, late check out, late checkout, early check out, departure, depart, departing',
    ru: 'выезд, выезда, выселение, выселиться, выехать, съехать, отъезд, чекаут, чек аут, поздний выезд, ранний выезд, время выезда, освободить номер',
    de: 'check out, auschecken, abreise, abreisen, abreisetag, späte abreise, late check out, zimmer räumen',
  },
  reception: {
    en: 'reception, receptionist, front desk, lobby, concierge, night porter',
    ru: 'ресепшн, ресепшен, рецепшн, рецепшен, рисепшн, рецепция, портье, консьерж, стойка регистрации',
    de: 'rezeption, rezeptionist, empfang, lobby, concierge, nachtportier, hotelportier',
  },
  key: {
    en: 'key, keys, room key, key card, keycard, door code, key code, keybox, key box, lockbox, key safe, spare key',
    ru: 'ключ, ключи, ключа, ключей, ключик, карта ключ, код от двери, код двери, ключница, сейф для ключей',
    de: 'schlüssel, zimmerschlüssel, ersatzschlüssel, schlüsselkarte, zimmerkarte, schlüsselbox, schlüsselsafe, schlüsselkasten, schlüsselübergabe, türcode, zugangscode',
  },
  // Breakfast apart from other meals: "is breakfast included" is its own item in most places.
  breakfast: {
    en: 'breakfast, breakfasts, brekkie, brunch, breakfast buffet, continental breakfast',
    ru: 'завтрак, завтраки, завтрака, завтракать, позавтракать, шведский стол',
    de: 'frühstück, frühstücken, frühstücksbuffet, frühstückszeit, frühstücksraum, brunch',
  },
  // Food served: meals, dishes, the food menu ("menu" alone is the navigation word).
  food: {
    en: 'food, meal, meals, dish, dishes, cuisine, lunch, dinner, supper, eat, eating, half board, full board, all inclusive, food menu, set menu, dish of the day',
    ru: 'еда, питание, блюда, блюдо, ужин, пообедать, поужинать, поесть, покушать, кормят, полупансион, полный пансион, все включено, ланч, бизнес ланч',
    de: 'essen, mahlzeit, mahlzeiten, gericht, gerichte, speisen, speisekarte, getränkekarte, mittagessen, abendessen, halbpension, vollpension, verpflegung, mittagstisch, tagesgericht, all inclusive',
  },
  wifi: {
    en: 'wifi, wi fi, wlan, wireless, hotspot, wifi password, wi fi password, wifi code',
    ru: 'вайфай, вай фай, wifi, wi fi, пароль от вайфая, пароль от wifi, пароль вайфай',
    de: 'wlan, w lan, wifi, wi fi, hotspot, wlan passwort, wifi passwort, wlan code',
  },
  // Cleaning the room or flat ("putzen" left out: "Zähneputzen").
  cleaning: {
    en: 'cleaning, clean, cleaner, housekeeping, maid, tidy, tidy up, dirty, vacuum, final cleaning, cleaning fee',
    ru: 'уборка, уборку, уборки, прибраться, уборщица, горничная, клининг, грязно, грязный, грязь, пропылесосить, финальная уборка',
    de: 'zimmerreinigung, endreinigung, zwischenreinigung, sauber machen, saubermachen, aufräumen, housekeeping, zimmermädchen, reinigungskraft, putzfrau, schmutzig, dreckig, staubsaugen, sauber',
  },
  // Towels and bedding: asked for, not the same request as cleaning.
  linen: {
    en: 'towel, towels, bath towel, fresh towels, clean towels, bed linen, linen, sheets, bed sheets, pillow, pillows, pillowcase, blanket, blankets, duvet',
    ru: 'полотенце, полотенца, полотенец, постельное белье, простыня, простыни, наволочка, подушка, подушки, одеяло, плед, сменить белье, смена белья, свежие полотенца',
    de: 'handtuch, handtücher, badetuch, bettwäsche, laken, bettlaken, bettzeug, kissen, kopfkissen, bettdecke, frische handtücher, handtücher wechseln',
  },
  // "батарея" and "cold" left out: a phone's battery, cold water.
  heating: {
    en: 'heating, heater, heaters, radiator, radiators, central heating, underfloor heating, thermostat, heat, too cold, room is cold',
    ru: 'отопление, отопления, отоплением, обогреватель, обогрев, радиатор, батареи отопления, теплый пол, теплые полы, термостат, не топят, холодно в номере',
    de: 'heizung, heizkörper, heizen, heizt, heizlüfter, radiator, thermostat, fußbodenheizung, zentralheizung, zu kalt, kalt im zimmer',
  },
  aircon: {
    en: 'air conditioning, air conditioner, air con, aircon, ac, a c, fan, too hot, climate control',
    ru: 'кондиционер, кондиционера, кондей, кондер, сплит система, вентилятор, жарко в номере, климат контроль',
    de: 'klimaanlage, klima, klimagerät, ventilator, kühlung, zu warm, zu heiß, air condition',
  },
  hotwater: {
    en: 'hot water, no hot water, warm water, shower, showers, boiler, water heater, water pressure',
    ru: 'горячая вода, горячей воды, горячую воду, нет горячей воды, теплая вода, душ, душе, бойлер, водонагреватель, напор воды',
    de: 'warmwasser, warmes wasser, heißes wasser, kein warmwasser, dusche, duschen, boiler, durchlauferhitzer, wasserdruck',
  },
  // Cooking for oneself ("готовить" left out: "готов" = ready).
  kitchen: {
    en: 'kitchen, kitchenette, cook, cooking, stove, hob, oven, fridge, refrigerator, microwave, kettle, cutlery, coffee machine, dishwasher',
    ru: 'кухня, кухню, кухней, кухонька, плита, духовка, холодильник, микроволновка, микроволновая печь, чайник, посуда, посудомойка, кофеварка, кофемашина, приготовить еду',
    de: 'küche, kochnische, küchenzeile, kochen, herd, backofen, ofen, kühlschrank, mikrowelle, wasserkocher, geschirr, besteck, kaffeemaschine, spülmaschine, geschirrspüler',
  },
  // "dryer" and "washer" left out: a hair dryer, a bolt's washer.
  laundry: {
    en: 'laundry, washing machine, tumble dryer, clothes dryer, launderette, laundromat, wash clothes, wash my clothes, iron, ironing, ironing board, dry cleaning',
    ru: 'стирка, стирку, постирать, стиральная машина, стиралка, прачечная, сушилка, утюг, погладить, гладильная доска, химчистка',
    de: 'waschmaschine, wäsche, wäsche waschen, wäscherei, waschsalon, trockner, wäschetrockner, bügeleisen, bügeln, bügelbrett',
  },
  luggage: {
    en: 'luggage, baggage, bags, suitcase, suitcases, backpack, luggage storage, left luggage, store luggage, leave luggage, leave my bags, luggage room',
    ru: 'багаж, багажа, чемодан, чемоданы, чемоданов, сумки, рюкзак, камера хранения, хранение багажа, оставить багаж, оставить вещи, оставить чемодан',
    de: 'gepäck, koffer, gepäckaufbewahrung, gepäckraum, tasche, taschen, rucksack, gepäck abstellen, koffer abstellen',
  },
  // Lost or left behind: "I forgot my charger in the room" asks what "lost" does.
  lost: {
    en: 'lost, lose, forgot, forget, forgotten, left behind, left my, lost and found, lost property, found my',
    ru: 'забыл, забыла, забыли, забыть, потерял, потеряла, потеряли, потерять, потеря, бюро находок, забытые вещи, оставил в номере, оставила в номере, нашли',
    de: 'vergessen, vergesse, vergaß, verloren, verlieren, liegen lassen, liegengelassen, liegen gelassen, fundsache, fundsachen, fundbüro, gefunden',
  },
  // Being driven: transfers, shuttles, taxis ("ride" left out: a test ride at a bike shop).
  taxi: {
    en: 'shuttle, airport transfer, airport shuttle, taxi, cab, uber, chauffeur, pickup service, pick me up, pick us up',
    ru: 'трансфер, трансфера, такси, шаттл, встретить в аэропорту, встреча в аэропорту, забрать из аэропорта, убер, яндекс такси',
    de: 'shuttle, shuttlebus, taxi, flughafentransfer, abholservice, fahrdienst, chauffeur',
  },
  // "terminal" and "landing" left out: a card terminal, a landing page.
  airport: {
    en: 'airport, flight, flights, plane, boarding pass',
    ru: 'аэропорт, аэропорта, аэропорту, рейс, самолет, прилет, вылет, прилетаю, прилетим',
    de: 'flughafen, flug, flugzeug, flieger, landung, abflug, airport, bordkarte',
  },
  // Public transport ("metro" is `location`'s "метро"; "coach" is a trainer).
  transit: {
    en: 'bus, buses, bus stop, bus station, train station, railway station, railway, by train, tram, subway, underground, public transport, station',
    ru: 'автобус, автобуса, автобусе, маршрутка, остановка, вокзал, жд вокзал, автовокзал, поезд, поезде, электричка, трамвай, общественный транспорт, станция',
    de: 'bus, busse, bushaltestelle, haltestelle, bahnhof, hauptbahnhof, zug, bahn, sbahn, ubahn, s bahn, u bahn, straßenbahn, tram, öffentliche verkehrsmittel, öpnv, öffis, station',
  },
  pets: {
    en: 'pet, pets, dog, dogs, cat, cats, puppy, animal, animals, pet friendly, dog friendly',
    ru: 'животные, животное, животными, питомец, питомцем, питомцы, собака, собакой, собаку, собачка, кошка, кошкой, кот, котом',
    de: 'haustier, haustiere, hund, hunde, katze, katzen, welpe, hundefreundlich, mit hund',
  },
  // German "Kind(er)" only in phrases: its stem is English "kind".
  children: {
    en: 'child, children, kid, kids, baby, babies, infant, toddler, with kids, child friendly, kid friendly',
    ru: 'ребенок, ребенка, ребенком, дети, детей, детьми, малыш, малыши, младенец, грудничок',
    de: 'kleinkind, kleinkinder, baby, babys, säugling, nachwuchs, kinderfreundlich, familienfreundlich, mit kindern, mit kind, mit baby, für kinder, kinder erlaubt',
  },
  // A cot or an extra bed in the room.
  cot: {
    en: 'cot, crib, baby cot, travel cot, extra bed, rollaway bed, sofa bed, high chair, highchair',
    ru: 'детская кроватка, кроватка, кроватку, манеж, доп кровать, дополнительная кровать, раскладушка, детский стульчик, стульчик для кормления',
    de: 'kinderbett, babybett, reisebett, zustellbett, beistellbett, zusatzbett, extrabett, aufbettung, hochstuhl, kinderstuhl',
  },

  // Restaurants and food delivery. Reserving is `booking`; this is the table itself.
  // Not "стол" alone: English "stolen" typed on a Latin keyboard reads as it.
  table: {
    en: 'table, tables, seating, outdoor seating, window table, table for two, table for 2, table for four',
    ru: 'столик, столика, столики, свободный столик, столик на двоих, забронировать стол',
    de: 'tisch, tische, tischreservierung, sitzplatz, sitzplätze, tisch für zwei, tisch für 2',
  },
  // What one can or cannot eat.
  diet: {
    en: 'vegetarian, vegan, veggie, plant based, gluten, gluten free, coeliac, celiac, lactose, lactose free, dairy free, allergy, allergies, allergic, allergen, allergens, halal, kosher, special diet, dietary requirements',
    ru: 'вегетарианский, вегетарианское, вегетарианские, вегетарианец, веган, веганский, веганское, постное, без мяса, без глютена, глютен, безглютеновый, без лактозы, лактоза, аллергия, аллергией, аллергик, аллерген, аллергены, халяль',
    de: 'vegetarisch, vegetarier, vegan, veganer, veganes, ohne fleisch, glutenfrei, gluten, zöliakie, laktosefrei, laktose, laktoseintoleranz, allergie, allergien, allergiker, allergene, allergisch, unverträglichkeit, halal, koscher',
  },
  // Where a delivery goes ("postcode" left out: it asks for an address as well).
  area: {
    en: 'delivery area, delivery zone, area, areas, zone, zones, district, neighbourhood, neighborhood, radius, do you deliver to',
    ru: 'зона доставки, район доставки, район, районы, зона, радиус, округ, куда доставляете, в какие районы',
    de: 'liefergebiet, liefergebiete, lieferzone, gebiet, zone, bezirk, stadtteil, umkreis, radius, liefert ihr nach, liefern sie nach',
  },
  // Collecting it oneself ("collect" left out: "collection"; "mitnehmen": "den Hund mitnehmen").
  pickup: {
    en: 'takeaway, take away, takeout, take out, pickup, pick up, self pickup, click and collect, collect in store, collect my order, carry out',
    ru: 'самовывоз, самовывозом, навынос, на вынос, с собой, забрать самому, забрать самостоятельно, забрать заказ, пункт выдачи, заберу сам',
    de: 'abholen, abholung, selbstabholung, selbst abholen, zum mitnehmen, to go, take away, abholbereit, click and collect, abholstation',
  },

  // Clinics. Appointments are `booking`, pain `emergency`.
  tooth: {
    en: 'tooth, teeth, toothache, molar, molars, wisdom tooth, wisdom teeth, front tooth, incisor',
    ru: 'зуб, зубы, зуба, зубов, зубик, зубной, коренной зуб, зуб мудрости, моляр, передний зуб',
    de: 'zahn, zähne, zähnen, backenzahn, backenzähne, weisheitszahn, weisheitszähne, schneidezahn, milchzahn, zahnschmerzen',
  },
  checkup: {
    en: 'check up, checkup, examination, medical examination, routine check, health check, annual check',
    ru: 'осмотр, осмотра, профосмотр, медосмотр, обследование, обследоваться, чекап, чек ап, диспансеризация, профилактический осмотр',
    de: 'untersuchung, vorsorge, vorsorgeuntersuchung, kontrolluntersuchung, routineuntersuchung, gesundheitscheck, check up, kontrolltermin',
  },
  vaccine: {
    en: 'vaccination, vaccinations, vaccine, vaccines, vaccinate, vaccinated, jab, jabs, flu shot, flu jab, booster, immunisation, immunization',
    ru: 'прививка, прививки, прививку, привиться, привить, вакцина, вакцинация, вакцинироваться, ревакцинация',
    de: 'impfung, impfungen, impfen, geimpft, impfstoff, impftermin, auffrischung, auffrischungsimpfung, grippeimpfung, booster',
  },
  // Tests and their results: "анализы" says both.
  labtest: {
    en: 'blood test, blood tests, blood work, bloodwork, lab test, lab tests, lab, laboratory, urine test, swab, blood sample, results, test results, lab results',
    ru: 'анализ, анализы, анализов, анализ крови, сдать анализы, сдать кровь, забор крови, лаборатория, мазок, результаты, результат, результаты анализов',
    de: 'bluttest, blutuntersuchung, blutabnahme, blutbild, labor, laborwerte, blutwerte, abstrich, urintest, befund, befunde, ergebnis, ergebnisse, testergebnis, laborergebnisse',
  },
  // "script" and "tablets" left out: a web page's script, an iPad.
  prescription: {
    en: 'prescription, prescriptions, repeat prescription, refill, medicine, meds, pills',
    ru: 'рецепт, рецепта, рецепты, выписать рецепт, продлить рецепт, лекарство, лекарства, лекарств, препарат, препараты, таблетки, медикаменты',
    de: 'rezept, rezepte, folgerezept, erezept, e rezept, medikament, medikamente, arznei, arzneimittel, tabletten, verschreibung, verschreiben',
  },

  // Beauty and fitness. A membership is `subscription`.
  haircut: {
    en: 'haircut, haircuts, hair cut, cut my hair, trim, hairdresser, hairdressers, barber, barbershop, hairstyle, hairdo, fringe, bangs, blow dry, blowdry',
    ru: 'стрижка, стрижку, стрижки, подстричься, постричься, подстричь, стричься, парикмахер, парикмахерская, барбер, барбершоп, прическа, укладка, челка, подровнять',
    de: 'haarschnitt, haare schneiden, friseur, friseurin, frisör, frisur, herrenschnitt, damenschnitt, pony schneiden, spitzen schneiden, föhnen, barbier, barbershop',
  },
  nails: {
    en: 'manicure, pedicure, nails, nail, gel nails, gel polish, shellac, acrylic nails, nail polish, nail art, nail extensions, mani pedi',
    ru: 'маникюр, педикюр, ногти, ногтей, ноготь, гель лак, шеллак, наращивание ногтей, френч, дизайн ногтей',
    de: 'maniküre, pediküre, nägel, nagel, gelnägel, gellack, shellac, nagellack, nageldesign, nagelstudio, kunstnägel, fußpflege',
  },
  trainer: {
    en: 'trainer, personal trainer, fitness trainer, coach, coaching, instructor, personal training, pt session, one to one training',
    ru: 'тренер, тренера, тренером, персональный тренер, фитнес тренер, персональная тренировка, персональные тренировки, персоналка, инструктор',
    de: 'trainer, trainerin, personal trainer, personaltraining, personal training, coach, coaching, fitnesstrainer, einzeltraining',
  },

  // Education and courses ("course" is also "of course", but the items say it anyway).
  course: {
    en: 'course, courses, workshop, workshops, seminar, seminars, training course, masterclass, master class, bootcamp, webinar, online course',
    ru: 'курс, курсы, курса, курсов, обучение, обучения, тренинг, семинар, мастер класс, мастеркласс, вебинар, интенсив, воркшоп',
    de: 'kurs, kurse, lehrgang, seminar, workshop, schulung, weiterbildung, fortbildung, webinar, masterclass, onlinekurs',
  },
  lesson: {
    en: 'lesson, lessons, class, classes, lecture, lectures, tutoring, private lesson, trial lesson, trial class, group class',
    ru: 'урок, уроки, урока, уроков, занятие, занятия, занятий, лекция, лекции, индивидуальное занятие, пробное занятие, пробный урок, групповое занятие',
    de: 'unterricht, unterrichtsstunde, lektion, lektionen, nachhilfe, einzelunterricht, gruppenunterricht, probestunde, probetraining, vorlesung, privatstunde',
  },
  exam: {
    en: 'exam, exams, final exam, quiz, retake, resit',
    ru: 'экзамен, экзамены, экзамена, зачет, сдать экзамен, итоговый тест, пересдача, пересдать, аттестация',
    de: 'prüfung, prüfungen, klausur, klausuren, examen, abschlussprüfung, prüfungstermin, nachprüfung, wiederholungsprüfung',
  },
  certificate: {
    en: 'certificate, certificates, certification, certified, diploma, accreditation, certificate of completion',
    ru: 'сертификата, диплом, диплома, свидетельство, аттестат, корочка, корочки, документ об окончании',
    de: 'zertifikat, zertifikate, zertifizierung, zeugnis, diplom, bescheinigung, teilnahmebescheinigung, teilnahmezertifikat, urkunde',
  },
  // Joining a course ("sign up", "записаться" are `booking`; "anmelden" is `account`).
  enrol: {
    en: 'enrol, enroll, enrolment, enrollment, admission, admissions, intake, next intake, join the course, apply for the course',
    ru: 'зачисление, зачислить, зачислят, поступить на курс, поступление на курс, набор на курс, ближайший набор, набор в группу, вступить в группу',
    de: 'einschreiben, einschreibung, immatrikulation, zulassung, kursanmeldung, teilnahme, teilnehmen, platz im kurs',
  },
};
