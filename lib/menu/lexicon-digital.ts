/**
 * Concepts of software support, online shops and device repair, merged into the lexicon
 * by lib/menu/lexicon-services.ts (the rules are in lib/menu/lexicon.ts). Login and
 * password are account, "not working" and "crashes" defect, "delete" and "uninstall"-like
 * words delete, in the core. "lädt nicht" names a page loading and a phone charging, so
 * each concept has it only with its subject ("Seite lädt nicht", "Akku lädt nicht").
 */
import type { Lexicon } from './lexicon-type.js';

const SOFTWARE: Lexicon = {
  // An app or page that does not open or load; "грузится" alone stems as "груз" (cargo), and a
  // door or a box "won't open" too, so opening only with the app or page.
  loading: {
    en: 'load, loading, loads, not loading, wont load, won t load, doesnt load, doesn t load, app wont open, app won t open, app doesnt open, app doesn t open, cant open the app, can t open the app, cannot open the app, page wont open, site wont open, blank page, white screen, page not found, stuck loading, keeps loading',
    ru: 'не грузится, не загружается, загружается, не прогружается, прогружается, приложение не открывается, приложение не запускается, программа не запускается, белый экран, пустая страница, бесконечная загрузка, страница не открывается, сайт не открывается',
    de: 'seite lädt nicht, app lädt nicht, lädt ewig, app öffnet nicht, app öffnet sich nicht, seite öffnet nicht, app startet nicht, programm startet nicht, weiße seite, weisse seite, leere seite, seite nicht erreichbar, website nicht erreichbar, ladebildschirm',
  },
  // Which version one runs, and getting the newest; "update" alone is the core's change.
  version: {
    en: 'version, versions, latest version, new version, old version, outdated, out of date, changelog, release notes, patch, firmware, software update, app update, update the app',
    ru: 'версия, версию, обновление, обновления, новая версия, последняя версия, старая версия, устаревшая версия, прошивка, прошивку, апдейт, патч, обновить приложение',
    de: 'neue version, neueste version, aktuelle version, alte version, veraltet, softwareupdate, software update, app update, aktualisierung, firmware, patch, versionsnummer',
  },
  // Installing or setting up software or a device; "install" alone stems as the core's "installments".
  install: {
    en: 'reinstall, reinstalling, setup, set up, how to install, how do i install, install the app, installation guide, cant install, can t install, wont install, won t install, download the app, download app',
    ru: 'установить, установка, установку, установил, переустановить, переустановка, инсталляция, настроить, скачать приложение',
    de: 'installieren, installiert, neu installieren, neuinstallation, einrichten, eingerichtet, setup, app herunterladen, app runterladen',
  },
  sync: {
    en: 'sync, syncing, synced, synchronise, synchronize, synchronisation, synchronization, not syncing, out of sync',
    ru: 'синхронизация, синхронизировать, синхронизируется, синк, синхрон',
    de: 'synchronisieren, synchronisation, synchronisierung, synchronisiert, sync, abgleich, abgleichen, datenabgleich',
  },
  // Data into or out of the product: one help topic, asked alike ("выгрузить", "hochladen").
  // "import"/"импорт" alone are left out: English "important" stems as the one, reads in Russian as the other.
  import_export: {
    en: 'export, exporting, exported, data export, export data, download my data, download data, how to import, bulk import, upload, uploading, uploaded, data import, import data, bulk upload',
    ru: 'экспорт, экспортировать, выгрузить, выгрузка, выгрузку, экспорт данных, выгрузить данные, скачать данные, импортировать, импорт данных, загрузить файл, загрузить данные, перенести данные',
    de: 'export, exportieren, exportiert, datenexport, daten exportieren, daten herunterladen, importieren, importiert, hochladen, hochgeladen, upload, datenimport, daten importieren',
  },
  // Connecting the product with other software.
  integration: {
    en: 'integration, integrations, integrate, integrating, api, api key, webhook, webhooks, plugin, plug in, connector, sdk',
    ru: 'интеграция, интеграции, интегрировать, интегрироваться, апи, api, вебхук, вебхуки, плагин, коннектор',
    de: 'integration, integrationen, integrieren, schnittstelle, schnittstellen, api, webhook, plugin, anbindung, anbinden',
  },
  // Lost data and getting it back; "restore"/"восстановить" alone is also a password's.
  backup: {
    en: 'backup, backups, back up, data loss, lost data, lost my data, deleted data, restore data, recover data, restore files, recover files, restore from backup',
    ru: 'бэкап, бекап, резервная копия, резервную копию, резервное копирование, потеря данных, пропали данные, данные пропали, восстановить данные, восстановить файлы, восстановление данных',
    de: 'backup, sicherungskopie, datensicherung, datenverlust, daten verloren, daten weg, daten wiederherstellen, dateien wiederherstellen',
  },
  notifications: {
    en: 'notification, notifications, notify, alert, alerts, push notification, push notifications',
    ru: 'уведомление, уведомления, уведомлений, оповещение, оповещения, пуш, пуши, пуш уведомления, push уведомления',
    de: 'benachrichtigung, benachrichtigungen, benachrichtigen, pushnachricht, push nachricht, push benachrichtigung',
  },
};

const SHOP: Lexicon = {
  // Placing an order: the basket and the steps to it ("order" alone is in none, see lexicon.ts).
  ordering: {
    en: 'cart, shopping cart, shopping basket, add to cart, place an order, place order, cant place order, how to order, how do i order',
    ru: 'корзина, корзину, корзине, оформить заказ, оформление заказа, сделать заказ, как заказать, не могу заказать, добавить в корзину',
    de: 'warenkorb, einkaufswagen, einkaufskorb, bestellvorgang, bestellung aufgeben, bestellung abschließen, wie bestelle ich, in den warenkorb',
  },
  specs: {
    en: 'specs, specifications, specification, spec sheet, tech specs, technical details, technical data, datasheet, data sheet, product details, product information, product description',
    ru: 'характеристики, характеристика, технические характеристики, спецификация, спецификации, описание товара',
    de: 'technische daten, datenblatt, spezifikationen, spezifikation, produktdetails, produktbeschreibung, produktinformationen, produktinfo, eigenschaften',
  },
  // A card or voucher bought as a present; a discount code ("voucher", "Gutschein") is discount.
  gift_card: {
    en: 'gift card, gift cards, giftcard, gift voucher, gift certificate, e gift card, egift',
    ru: 'подарочный сертификат, подарочная карта, подарочную карту',
    de: 'geschenkgutschein, geschenkgutscheine, geschenkkarte, geschenkkarten, einkaufsgutschein, wertgutschein, gutscheinkarte',
  },
  // Buying in quantity or as a business.
  wholesale: {
    en: 'wholesale, wholesaler, bulk, bulk order, bulk orders, bulk buying, b2b, reseller, resellers, distributor, distributors, trade account, trade prices, business customers, corporate',
    ru: 'опт, оптом, оптовый, оптовая, оптовые, оптовик, b2b, дилер, дилеры, дистрибьютор, юрлицо, юрлица, юр лицо, корпоративный, корпоративным клиентам',
    de: 'großhandel, großhändler, wiederverkäufer, b2b, geschäftskunden, geschäftskunde, firmenkunden, firmenkunde, gewerbekunden, großbestellung, großabnehmer, mengenrabatt, reseller',
  },
};

const DEVICES: Lexicon = {
  // A device's screen; "cracked screen" is the screen's repair, not only "defect".
  screen: {
    en: 'screen, screens, display, touchscreen, touch screen, lcd, cracked screen, broken screen, smashed screen, screen replacement',
    ru: 'экран, экрана, дисплей, дисплея, тачскрин, сенсор, разбил экран, разбит экран, разбился экран, треснул экран, экран треснул, замена экрана, замена дисплея',
    de: 'bildschirm, display, touchscreen, displaybruch, displayschaden, displaytausch, displayglas, display kaputt, display gebrochen, bildschirm kaputt',
  },
  battery: {
    en: 'battery, batteries, battery life, battery drain, battery drains, drains fast, dies quickly, battery dies, battery replacement',
    ru: 'батарея, батарею, батарейка, батарейку, аккумулятор, аккумулятора, акб, аккум, садится батарея, батарея садится, быстро садится, разряжается, держит заряд, не держит заряд',
    de: 'akku, akkus, batterie, batterien, akkulaufzeit, akkutausch, akkuwechsel, akku leer, akku hält nicht, entlädt sich, entladen',
  },
  // Charging a device; "charging" (and "charger", read as German) stems as "charged" (billing): only in phrases.
  charging: {
    en: 'charging port, charging cable, charge port, not charging, wont charge, won t charge, doesnt charge, doesn t charge, stopped charging',
    ru: 'зарядка, зарядку, зарядки, зарядное, зарядное устройство, заряжается, не заряжается, не заряжает, зарядить, разъем зарядки, гнездо зарядки',
    de: 'ladegerät, ladekabel, ladebuchse, ladeanschluss, ladestecker, netzteil, akku lädt nicht, handy lädt nicht, lädt nicht auf',
  },
  // Liquid in a device; "залили" alone stems as "зал" (hall), so only in phrases.
  water_damage: {
    en: 'water damage, water damaged, liquid damage, dropped in water, fell in water, dropped it in water, got wet, wet, spilled, spilt',
    ru: 'попала вода, попала влага, упал в воду, уронил в воду, утопил, утопила, намок, намокла, залил водой, залили водой, пролил, пролила, влага',
    de: 'wasserschaden, flüssigkeitsschaden, feuchtigkeitsschaden, ins wasser gefallen, nass geworden, nass, wasser abbekommen, verschüttet',
  },
};

export const DIGITAL: Lexicon = { ...SOFTWARE, ...SHOP, ...DEVICES };
