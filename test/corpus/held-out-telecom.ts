/**
 * A sixth held-out check: an internet and mobile provider's menu with examples
 * (telecom.yaml) and messages its customers might write, written blind to the matcher
 * (its lexicon and code unread) and never tuned on; reported separately, like the dental clinic.
 */
import { loadMenuFile } from '../../lib/menu/load-file.js';
import { evaluateCorpus, type CorpusReport } from './evaluate.js';
import { cases, type Row } from './types.js';

const en: readonly Row[] = [
  ['main', "net's been down since last night, all lights blinking red", 1, 'p'],
  ['main', 'my connection is crawling, youtube wont even load', 1, 'p'],
  ['main', 'is there a problem in 10115? whole street offline', 1, 'p'],
  ['main', 'how do i change the name of my home network', 2, 'p'],
  ['main', 'signal is weak upstairs, can i get a repeater', 2, 'p'],
  ['main', 'got the new box, which cable goes where', 2, 'p'],
  ['main', 'why did you take 80 euros this month, normally 40', 3, 'p'],
  ['main', "how can i get a copy of last month's invoice", 3, 'p'],
  ['main', 'i want to pay by direct debit instead of transfer', 3, 'p'],
  ['main', 'is there anything faster than 100 mbit at my address', 4, 'p'],
  ['main', 'what deals do you have for existing customers', 4, 'p'],
  ['main', "can i downgrade, i'm paying too much for what i use", 4, 'p'],
  ['main', "we're relocating to munich in may, what happens to my line", 6, 'p'],
  ['main', 'new apartment from 1st of july, can the internet come with me', 6, 'p'],
  ['main', 'i want to end my contract, how much notice do i need to give', 7, 'p'],
  ['main', "please stop all my services, i'm moving abroad", 7, 'p'],
  ['main', 'just got my sim in the post, how do i get it going', 'mobile:1', 'p'],
  ['main', 'how do i put the esim on my new iphone', 'mobile:1', 'p'],
  ['main', 'will my phone work in the US, going on holiday', 'mobile:2', 'p'],
  ['main', 'what does it cost to call home from switzerland', 'mobile:2', 'p'],
  ['main', "used up all my gb and it's only the 15th", 'mobile:3', 'p'],
  ['main', 'mobile internet is super slow since yesterday, think i hit the cap', 'mobile:3', 'p'],
  ['main', 'switching to you from vodafone, can i bring my number', 'mobile:4', 'p'],
  ['main', 'dont want to lose my current mobile number', 'mobile:4', 'p'],
  ['main', 'someone nicked my phone on the train, please block the sim', 'mobile:5', 'p'],
  ['main', 'cant find my phone anywhere, worried someone uses my sim', 'mobile:5', 'p'],
  ['mobile', 'can i buy an extra 10gb pack', 3, 'p'],
  ['mobile', 'my new sim shows no network', 1, 'p'],
  ['main', 'my internet is down and also i have a question about my last bill', 'doubt'],
  ['main', "i'm moving next month, can i also switch to a faster plan", 'doubt'],
  ['main', 'whats the score of the game tonight', 'none'],
  ['main', 'do you have a job opening in your call center', 'none'],
  ['main', 'tell me a joke', 'none'],
];

const ru: readonly Row[] = [
  ['main', 'с утра нет сети, лампочка на роутере красная', 1, 'p'],
  ['main', 'скорость упала до 2 мегабит, ничего не грузится', 1, 'p'],
  ['main', 'у соседей тоже ничего не работает, что-то случилось на линии?', 1, 'p'],
  ['main', 'как сменить имя и пароль сети', 2, 'p'],
  ['main', 'в дальней комнате вай фай не ловит', 2, 'p'],
  ['main', 'прислали новый модем, как его подключить', 2, 'p'],
  ['main', 'в этом месяце сняли больше обычного, почему', 3, 'p'],
  ['main', 'где посмотреть квитанцию за март', 3, 'p'],
  ['main', 'как поменять карту с которой списываются деньги', 3, 'p'],
  ['main', 'есть ли тариф подешевле', 4, 'p'],
  ['main', 'хочу скорость побольше, что можете предложить', 4, 'p'],
  ['main', 'переезжаем в другой район, можно забрать подключение с собой', 6, 'p'],
  ['main', 'как оформить подключение по новому адресу, мы съезжаем', 6, 'p'],
  ['main', 'больше не нужен ваш интернет, как закрыть договор', 7, 'p'],
  ['main', 'сколько заранее надо предупредить о расторжении', 7, 'p'],
  ['main', 'вставил новую симку, пишет нет сети', 'mobile:1', 'p'],
  ['main', 'как поставить электронную сим на самсунг', 'mobile:1', 'p'],
  ['main', 'лечу в египет, будет ли работать телефон', 'mobile:2', 'p'],
  ['main', 'сколько стоят звонки из грузии', 'mobile:2', 'p'],
  ['main', 'кончились гигабайты, что делать', 'mobile:3', 'p'],
  ['main', 'можно купить ещё интернета на телефон до конца месяца', 'mobile:3', 'p'],
  ['main', 'перехожу к вам от мтс, номер останется?', 'mobile:4', 'p'],
  ['main', 'можно ли оставить старый номер если перейду к вам', 'mobile:4', 'p'],
  ['main', 'украли телефон в метро, что делать с симкой', 'mobile:5', 'p'],
  ['main', 'потерялся мобильник, срочно заблокируйте номер', 'mobile:5', 'p'],
  ['mobile', 'хочу в поездке по европе пользоваться телефоном', 2, 'p'],
  ['mobile', 'как докупить пакет гигов', 3, 'p'],
  ['main', 'нет интернета и ещё вопрос по оплате', 'doubt'],
  ['main', 'какая погода будет в выходные', 'none'],
  ['main', 'ищу работу, возьмёте монтажником?', 'none'],
  ['main', 'посоветуйте хороший телефон до 20 тысяч', 'none'],
];

const de: readonly Row[] = [
  ['main', 'seit gestern abend geht gar nix mehr, router blinkt rot', 1, 'p'],
  ['main', 'leitung ist total lahm, netflix ruckelt nur noch', 1, 'p'],
  ['main', 'gibt es gerade probleme im netz in köln-ehrenfeld?', 1, 'p'],
  ['main', 'wie ändere ich den namen von meinem wlan', 2, 'p'],
  ['main', 'im obergeschoss kommt kaum signal an, brauche ich einen repeater', 2, 'p'],
  ['main', 'die fritzbox ist da, wie schließe ich die an', 2, 'p'],
  ['main', 'warum wurde diesen monat so viel abgebucht', 3, 'p'],
  ['main', 'wo finde ich meine letzte abrechnung', 3, 'p'],
  ['main', 'ich möchte per lastschrift statt überweisung zahlen', 3, 'p'],
  ['main', 'gibts was schnelleres als 50 mbit bei mir', 4, 'p'],
  ['main', 'habt ihr gerade aktionen für bestandskunden', 4, 'p'],
  ['main', 'wir ziehen im juni nach hamburg, was passiert mit meinem anschluss', 6, 'p'],
  ['main', 'neue wohnung ab august, kann ich meinen vertrag mitnehmen', 6, 'p'],
  ['main', 'ich will aus dem vertrag raus, wie lange vorher muss ich bescheid sagen', 7, 'p'],
  ['main', 'hab letzte woche gekündigt, noch keine bestätigung bekommen', 7, 'p'],
  ['main', 'die neue karte ist drin aber ich hab kein netz', 'mobile:1', 'p'],
  ['main', 'wie richte ich die esim auf meinem pixel ein', 'mobile:1', 'p'],
  ['main', 'was kostet telefonieren in der schweiz', 'mobile:2', 'p'],
  ['main', 'fahre nach kroatien, muss ich was einstellen am handy', 'mobile:2', 'p'],
  ['main', 'hab kein highspeed mehr, nur noch schneckentempo am handy', 'mobile:3', 'p'],
  ['main', 'kann ich noch 5 gb dazukaufen', 'mobile:3', 'p'],
  ['main', 'ich wechsle von der telekom zu euch und will meine nummer behalten', 'mobile:4', 'p'],
  ['main', 'geht meine alte handynummer mit zu euch', 'mobile:4', 'p'],
  ['main', 'handy wurde mir gestern geklaut, bitte karte sperren', 'mobile:5', 'p'],
  ['main', 'hab mein telefon im taxi liegen lassen', 'mobile:5', 'p'],
  ['mobile', 'meine nummer soll von o2 zu euch wechseln', 4, 'p'],
  ['mobile', 'ich bin nächste woche in den usa, geht mein handy da', 2, 'p'],
  ['main', 'internet geht nicht und außerdem ist die rechnung falsch', 'doubt'],
  ['main', 'ich ziehe um und will dabei gleich kündigen', 'doubt'],
  ['main', 'wie wird das wetter morgen in berlin', 'none'],
  ['main', 'erzähl mal einen witz', 'none'],
  ['main', 'ich suche einen ausbildungsplatz bei euch', 'none'],
];

export const heldOutTelecom = [...cases('en', en), ...cases('ru', ru), ...cases('de', de)];

export function evaluateHeldOutTelecom(): CorpusReport {
  return evaluateCorpus('held-out telecom corpus', loadMenuFile('test/corpus/telecom.yaml'), heldOutTelecom);
}
