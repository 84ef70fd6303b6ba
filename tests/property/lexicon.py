"""Word pools and sentence templates for generated article prose, per language.

Templates are ``str.format`` strings whose slots ``prose.fill`` fills from the page's story (its
people, organisation, place and subject) and from fresh numbers. The sentences are written the way
wire copy is: quotes with curly and straight quote marks, numbers, money, per cent, em dashes,
abbreviations (Dr., U.S., Feb., a.m., Inc., z. B., EE. UU., г.), attributions ("he said").

Slots: P full name, p surname, Pro/pro pronoun, org, place, thing, thing2, company, role, verb,
quote/Quote, num, n, pct, money, money2, price, day, month, year, votes, hours, dom, mon.
"""

from __future__ import annotations

# ---------------------------------------------------------------- English
EN_PEOPLE = (
    ("Maria Alvarez", "Alvarez", "she"),
    ("James O’Connor", "O’Connor", "he"),
    ("Olena Kovalenko", "Kovalenko", "she"),
    ("Ahmed Hassan", "Hassan", "he"),
    ("Sarah Mitchell", "Mitchell", "she"),
    ("Kenji Watanabe", "Watanabe", "he"),
    ("Grace Okafor", "Okafor", "she"),
    ("Tomás Rivera", "Rivera", "he"),
    ("Priya Natarajan", "Natarajan", "she"),
    ("David Goldberg", "Goldberg", "he"),
    ("Anna-Lena Berg", "Berg", "she"),
    ("Robert D'Amico", "D'Amico", "he"),
)
EN_ROLES = (
    "a spokeswoman for the {org}",
    "the {org}’s chief economist",
    "an analyst at Moody’s Investors Service",
    "a professor of public policy at Georgetown University",
    "the deputy head of the regional council",
    "who chairs the {org}’s finance committee",
    "a former U.S. ambassador to the region",
)
EN_ORGS = (
    "city council",
    "Department of Transportation",
    "state water board",
    "European Commission",
    "Ministry of Energy",
    "school board",
    "port authority",
    "county health department",
)
EN_PLACES = (
    ("Sacramento", "SACRAMENTO, Calif. (AP) —"),
    ("Kyiv", "KYIV, Ukraine —"),
    ("Beijing", "BEIJING (AP) —"),
    ("Nairobi", "NAIROBI, Kenya —"),
    ("London", "LONDON —"),
    ("Mexico City", "MEXICO CITY (AP) —"),
    ("St. Louis", "ST. LOUIS —"),
    ("Tucson", "TUCSON, Ariz. (AP) —"),
)
EN_TOPICS = (
    ("the reservoir", "water rationing", "the desalination plant", "groundwater pumping"),
    ("the subway extension", "bus fares", "the rail line", "late-night service"),
    ("the power grid", "electricity prices", "the coal plant", "rooftop solar panels"),
    ("rent control", "the housing plan", "public housing", "building permits"),
    ("the vaccine program", "hospital capacity", "the measles outbreak", "clinic funding"),
    ("grain exports", "the trade deal", "port traffic", "steel tariffs"),
)
EN_COMPANIES = ("Harrow Logistics", "Brightwater Energy", "Calder Rail", "Northgate Foods", "Pinecrest Health")
EN_VERBS = ("expand", "delay", "review", "fund", "cut", "suspend", "overhaul", "approve")
EN_QUOTES = (
    "we are not going to let this happen again",
    "the numbers speak for themselves",
    "nobody expected the costs to rise this fast",
    "this is the most important decision we will make this year",
    "we have waited long enough",
    "it’s a good first step, but it isn’t enough",
    "people deserve to know what they're paying for",
)
EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "September", "October", "December")
EN_MON = ("Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")

EN_SENTENCES = (
    "{P}, {role}, said the {org} would {verb} {thing} by {month}.",
    "“{Quote},” {p} said.",
    "“{Quote},” said {P}, {role}.",
    '"{Quote}," {p} told reporters on {day}.',
    "{p} said the decision was “{quote}.”",
    "The {org} approved {money} for {thing} on {day}, a {pct} increase over last year.",
    "According to the {org}, the cost of {thing} rose to {money} in {year}, up from {money2}.",
    "The plan — which the {org} approved in {month} — would {verb} {thing} for about {num} residents.",
    "Officials said {num} people had been affected by {thing}, though the figure could rise.",
    "It was not immediately clear whether the {org} would {verb} {thing} before the end of the year.",
    "{p} told reporters on {day} that the {org} ‘had no choice’ but to {verb} {thing}.",
    "Shares of {company} fell {pct} to ${price} in early trading on {day}.",
    "The vote, at 9:30 a.m. on {mon} {dom}, ended {votes} after a debate that lasted nearly {hours} hours.",
    "{company} Inc. said in a filing that {thing} would cost it about {money} this year.",
    "Critics, including {P} of the U.S. Chamber of Commerce, say work on {thing} is moving too slowly.",
    "In {place}, where {thing} has been debated for years, residents packed a meeting on {day}.",
    "The {org} said it had received more than {num} complaints about {thing} since {month}.",
    "{P} — who has led the {org} since {year} — called the figures “deeply worrying.”",
    "Dr. {p} said the data showed a {pct} rise in demand for {thing} over the past {n} years.",
    "Under the proposal, {thing} would be expanded in stages, starting with {num} households in {place}.",
    "The report, published by the {org} on {day}, found that {thing} had cost taxpayers {money}.",
    "Some residents said they had not been told about {thing} until last week.",
    "{Pro} added that the {org} would publish a full review of {thing} in {month}, about {n} weeks later than planned.",
    "The figures do not include {thing2}, which the {org} counts separately.",
    "That is roughly {pct} more than the {org} had budgeted — and nearly twice what {company} estimated in {year}.",
    "Asked whether {thing} would survive the budget talks, {p} said: “That’s up to the voters.”",
)
EN_SHORT = (
    "{p} declined to comment.",
    "No one was injured in the incident.",
    "The vote was {votes}.",
    "{Pro} did not respond to a request for comment.",
    "The {org} did not respond.",
    "That has not happened yet.",
    "The meeting ended without a decision.",
    "Talks resume on {day}.",
)
EN_RULE_WORD = (
    "Related research by the {org} found that spending on {thing} has fallen for a decade.",
    "Share prices of {company} fell {pct} after the announcement, traders said.",
    "Read together, the two reports suggest the {org} underestimated the cost of {thing}.",
    "Read the full decision and you will find that the {org} left {thing} out entirely, {p} said.",
    "View from the hill: the new site for {thing} will cover {num} acres, the {org} said.",
    "Date palms line the road to the site of {thing}, which the {org} expects to open in {year}.",
    "Photo radar cameras will be installed at {n} intersections near {thing}, the {org} said.",
    "Photographs taken by residents show the damage caused by {thing} in {place}.",
    "By then, the {org} had already voted to {verb} {thing}.",
    "By {year}, the {org} expects {thing} to serve about {num} people.",
    "Updated figures released on {day} showed {num} households were affected by {thing}.",
    "Published in {year}, the report is still widely cited.",
    "Home prices in {place} rose {pct} in {month}, the fastest rise in two years.",
    "Search teams worked through the night near {thing}.",
    "Next year the {org} will vote again on {thing}.",
    "Subscribers to {company}’s service rose by a third last year, the company said.",
    "Comments from residents filled two hours of the meeting on {thing}.",
    "Follow-up inspections of {thing} are planned for {month}, the {org} said.",
    "Trending down for years, spending on {thing} will now rise again under the plan.",
    "Most popular among the proposals was a plan to {verb} {thing}, the survey found.",
    "Latest figures from the {org} show the cost of {thing} rising for a third straight year.",
    "Recommended changes to {thing} include longer hours and {n} new staff, the report said.",
    "Ranking officials from the {org} met on {day} to discuss {thing}.",
    "Advertisement revenue at {company} fell {pct} in the quarter, the company said.",
    "Like many cities, {place} has struggled to pay for {thing}.",
    "Print editions of the report sold out by noon, the {org} said.",
    "Copyright disputes over the design of {thing} have delayed the project since {year}.",
)
EN_LOWER = (
    "eBay said on {day} it would stop listing equipment linked to {thing} in {place}.",
    "iPhone owners in {place} will be able to pay for {thing} with their phones from {month}, the {org} said.",
)
EN_LIST_LEADS = (
    "The plan the {org} approved on {day} includes these measures:",
    "Among the changes to {thing} announced by {p}:",
    "Residents who want to take part in the review of {thing} can do so in three ways:",
)
EN_LIST_ITEMS = (
    "{money} for {thing}",
    "a new office to oversee {thing};",
    "{n} more inspectors for {thing2}",
    "longer opening hours at libraries in {place}.",
    "a public hearing on {thing} in {month}",
    "by e-mail to the {org} before {month} {dom};",
    "a cap of {pct} on increases in fees for {thing2}",
)
EN_TITLES = (
    "{Org} votes to {verb} {thing} despite protests in {place}",
    "{p} vows to {verb} {thing} as costs climb",
    "{place} residents push back on {thing}",
    "Cost of {thing} climbs to {money} in {place}",
    "{Org} delays decision on {thing} after heated debate",
    "U.S. pledges {money} for {thing} as {place} struggles",
    "What the {org}’s plan for {thing} means for {place}",
)
EN_CAPTIONS = (
    "{P} speaks during a meeting on {thing} at the {org} in {place} on {day}.",
    "Workers inspect the site of {thing} near {place}, {month} {dom}, {year}.",
    "Residents line up outside the {org} offices in {place} to protest against {thing}.",
)
EN_CREDIT_LINES = (
    "{p} reported from {place}.",
    "{p} reported from {place}. AP writer {P2} in {place2} contributed to this report.",
    "Reporting by {P}; Editing by {P2}",
    "Associated Press writer {P2} contributed reporting.",
)

# ---------------------------------------------------------------- German
DE_PEOPLE = (
    ("Katrin Schäfer", "Schäfer", "sie"),
    ("Jörg Neumann", "Neumann", "er"),
    ("Aylin Demir", "Demir", "sie"),
    ("Thomas Weiß", "Weiß", "er"),
    ("Sabine Krüger", "Krüger", "sie"),
    ("Lukas Hoffmann", "Hoffmann", "er"),
)
DE_ROLES = ("Sprecherin der {org}", "Leiter des Amtes für Stadtentwicklung", "Ökonomin am Ifo-Institut", "Fraktionschef der Grünen")
DE_ORGS = ("Stadtverwaltung", "Landesregierung", "Bundesnetzagentur", "Verkehrsbehörde", "Kreisverwaltung")
DE_PLACES = (("Leipzig", "LEIPZIG (dpa) –"), ("Hamburg", "HAMBURG –"), ("Köln", "KÖLN (dpa) –"), ("Freiburg", "FREIBURG –"))
DE_TOPICS = (
    ("das Wasserwerk", "die Trinkwasserleitung", "das Grundwasser", "die Kläranlage"),
    ("die Straßenbahnlinie", "das Deutschlandticket", "der Nachtbus", "die S-Bahn"),
    ("das Kohlekraftwerk", "die Strompreise", "das Fernwärmenetz", "die Solaranlagen"),
    ("die Mietpreisbremse", "der soziale Wohnungsbau", "das Neubaugebiet", "die Baugenehmigungen"),
)
DE_COMPANIES = ("Stadtwerke Nord", "Rheinbahn AG", "Elbtal Energie", "Bauverein Süd")
DE_VERBS = ("prüfen", "ausbauen", "verschieben", "finanzieren", "stoppen")
DE_QUOTES = (
    "Wir haben lange genug gewartet",
    "Die Zahlen sprechen für sich",
    "Das ist ein erster Schritt, aber er reicht nicht",
    "Niemand hat mit so hohen Kosten gerechnet",
)
DE_DAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag")
DE_MONTHS = ("Januar", "März", "Mai", "Juni", "Oktober", "Dezember")
DE_SENTENCES = (
    "{P}, {role}, sagte am {day}, die {org} werde das Vorhaben bis {month} {verb}.",
    "„{Quote}“, sagte {p}.",
    "„{Quote}“, sagte {P}, {role}, am {day} in {place}.",
    "Die Kosten für {thing} stiegen im vergangenen Jahr um {pct} auf {money}.",
    "Nach Angaben der {org} sind in {place} rund {num} Menschen betroffen.",
    "Das Vorhaben – das die {org} im {month} beschlossen hatte – soll insgesamt {money} kosten.",
    "Ob {thing} noch in diesem Jahr fertig wird, ist nach Angaben der {org} offen.",
    "Dr. {p} verwies darauf, dass die Zahl der Beschwerden seit {year} um {pct} gestiegen sei.",
    "Kritiker, u. a. der Bund der Steuerzahler, halten die Pläne für {thing} für zu teuer.",
    "Die {org} will bis {year} etwa {num} Haushalte an {thing} anschließen, z. B. im Norden von {place}.",
    "{Pro} kündigte an, die Ergebnisse der Prüfung im {month} vorzulegen.",
    "Für {thing2} seien weitere {money} vorgesehen, hieß es aus der {org}.",
)
DE_SHORT = ("Verletzt wurde niemand.", "Eine Stellungnahme lehnte {p} ab.", "Die Entscheidung fiel mit {votes} Stimmen.")
DE_RULE_WORD = (
    "Teilen wollte {p} diese Einschätzung nicht.",
    "Von den {num} Befragten sprachen sich {pct} für den Ausbau aus.",
    "Stand {year} gab es in {place} {n} Schulen.",
    "Weitere Artikel des Gesetzes sollen im {month} in Kraft treten, teilte die {org} mit.",
    "Anzeige gegen Unbekannt hat die {org} bereits am {day} erstattet.",
)
DE_LIST_LEADS = ("Die {org} plant unter anderem:",)
DE_LIST_ITEMS = ("{money} für {thing}", "mehr Personal für {thing2};", "eine Bürgerversammlung im {month}.")
DE_TITLES = (
    "{Org} will {thing} {verb}",
    "Streit um {thing} in {place} geht weiter",
    "Kosten für {thing} steigen auf {money}",
)
DE_CAPTIONS = ("{P} spricht am {day} in {place} über die Pläne der {org}.",)

# ---------------------------------------------------------------- Spanish
ES_PEOPLE = (
    ("María José Fernández", "Fernández", "ella"),
    ("Javier Ortega", "Ortega", "él"),
    ("Lucía Martín", "Martín", "ella"),
    ("Andrés Gutiérrez", "Gutiérrez", "él"),
    ("Carmen Ruiz de la Peña", "Ruiz", "ella"),
)
ES_ROLES = ("portavoz del {org}", "directora de la agencia regional del agua", "economista de la Universidad de Sevilla")
ES_ORGS = ("Ayuntamiento", "Gobierno regional", "Ministerio de Transportes", "Consejo de Seguridad Nuclear")
ES_PLACES = (("Sevilla", "SEVILLA (EFE) —"), ("Valencia", "VALENCIA —"), ("Bilbao", "BILBAO —"), ("Zaragoza", "ZARAGOZA (EFE) —"))
ES_TOPICS = (
    ("el embalse", "las restricciones de agua", "la planta desalinizadora", "los acuíferos"),
    ("la nueva línea de metro", "el precio del billete", "el servicio nocturno", "el tranvía"),
    ("la factura de la luz", "la central térmica", "las placas solares", "la red eléctrica"),
)
ES_COMPANIES = ("Aguas del Sur", "Metro Norte", "Energía Ibérica")
ES_VERBS = ("ampliar", "revisar", "aplazar", "financiar")
ES_QUOTES = ("No vamos a permitir que esto se repita", "Las cifras hablan por sí solas", "Es un primer paso, pero no basta")
ES_DAYS = ("lunes", "martes", "miércoles", "jueves", "viernes")
ES_MONTHS = ("enero", "marzo", "mayo", "junio", "octubre", "diciembre")
ES_SENTENCES = (
    "{P}, {role}, afirmó el {day} que el {org} va a {verb} el proyecto antes de {month}.",
    "«{Quote}», dijo {p}.",
    "“{Quote}”, aseguró {P}, {role}, en declaraciones a la prensa.",
    "El coste de {thing} subió un {pct} el año pasado, hasta {money}.",
    "Según el {org}, unas {num} personas se han visto afectadas en {place}.",
    "El plan —que el {org} aprobó en {month}— costará en total {money}.",
    "La Sra. {p} recordó que las quejas han aumentado un {pct} desde {year}.",
    "Los críticos, entre ellos varias asociaciones vecinales, consideran que el plan para {thing} es demasiado caro.",
    "EE. UU. y la Unión Europea han seguido de cerca el debate sobre {thing}.",
    "{Pro} añadió que el informe final sobre {thing} se publicará en {month}.",
)
ES_SHORT = ("No hubo heridos.", "{p} declinó hacer comentarios.", "La votación terminó {votes}.")
ES_RULE_WORD = (
    "Compartir con el Gobierno central los costes de la obra es la prioridad del {org}.",
    "Por primera vez desde {year}, el {org} ha reconocido retrasos en {thing}.",
    "Publicado en {year}, el informe sigue siendo citado.",
    "Noticias relacionadas con {thing} han dominado la campaña en {place}, según los analistas.",
)
ES_LIST_LEADS = ("El plan del {org} incluye:",)
ES_LIST_ITEMS = ("{money} para {thing}", "más inspectores para {thing2};", "una consulta pública en {month}.")
ES_TITLES = (
    "El {org} aprueba {verb} {thing} pese a las protestas",
    "{place} debate el futuro de {thing}",
    "El coste de {thing} se dispara hasta {money}",
)
ES_CAPTIONS = ("{P} interviene en una reunión sobre {thing} en {place} el {day}.",)

# ---------------------------------------------------------------- Russian
RU_PEOPLE = (
    ("Анна Петрова", "Петрова", "она"),
    ("Дмитрий Соколов", "Соколов", "он"),
    ("Елена Кузнецова", "Кузнецова", "она"),
    ("Игорь Васильев", "Васильев", "он"),
)
RU_ROLES = ("представитель {org}", "глава департамента транспорта", "экономист Высшей школы экономики")
RU_ORGS = ("мэрии", "правительства области", "министерства энергетики", "городской думы")
RU_PLACES = (("Новосибирске", "НОВОСИБИРСК —"), ("Казани", "КАЗАНЬ —"), ("Самаре", "САМАРА —"))
RU_TOPICS = (
    ("строительство метро", "стоимость проезда", "новой линии трамвая", "ночных автобусов"),
    ("тарифы на отопление", "ремонт теплосетей", "новой котельной", "счетов за свет"),
)
RU_COMPANIES = ("Сибирская энергия", "Волжский транспорт")
RU_VERBS = ("пересмотреть", "расширить", "отложить", "профинансировать")
RU_QUOTES = ("Мы больше не можем ждать", "Цифры говорят сами за себя", "Это первый шаг, но этого недостаточно")
RU_DAYS = ("понедельник", "вторник", "среду", "четверг", "пятницу")
RU_MONTHS = ("январе", "марте", "мае", "октябре")
RU_SENTENCES = (
    "{P}, {role}, заявил{a} в {day}, что власти намерены {verb} проект до конца года.",
    "«{Quote}», — сказал{a} {p}.",
    "По данным {org}, в {place} пострадали около {num} человек.",
    "Расходы на {thing} выросли в прошлом году на {pct} — до {money}.",
    "Проект, который власти одобрили в {month}, обойдётся в {money}, т. е. почти вдвое дороже, чем планировалось.",
    "Критики считают, что решение о {thing2} было принято слишком поспешно.",
    "В {year} г. жители города уже выступали против подобных планов.",
    "{Pro} добавил{a}, что окончательный доклад будет опубликован в {month}.",
)
RU_SHORT = ("Пострадавших нет.", "Комментировать ситуацию {p} не стал{a}.")
RU_RULE_WORD = ("Читайте также доклад {org}, который вышел в {month}: в нём названы те же цифры.",)
RU_LIST_LEADS = ("План {org} предусматривает:",)
RU_LIST_ITEMS = ("{money} на {thing}", "новые проверки {thing2};", "общественные слушания в {month}.")
RU_TITLES = ("Власти {place} пересмотрят {thing}", "Расходы на {thing} выросли до {money}")
RU_CAPTIONS = ("{P} выступает на заседании {org} в {place}.",)

# ---------------------------------------------------------------- Chinese
ZH_PEOPLE = (("王建国", "王建国", "他"), ("李雪梅", "李雪梅", "她"), ("张伟", "张伟", "他"))
ZH_ROLES = ("{org}发言人", "交通局副局长", "清华大学经济学教授")
ZH_ORGS = ("市政府", "交通运输部", "省发展改革委")
ZH_PLACES = (("成都", "成都电——"), ("杭州", "杭州电——"))
ZH_TOPICS = (("地铁新线", "公交票价", "夜间公交", "城际铁路"), ("电价调整", "光伏电站", "电网改造", "燃煤电厂"))
ZH_COMPANIES = ("华东能源", "西南交通集团")
ZH_VERBS = ("扩建", "推迟", "审查")
ZH_QUOTES = ("我们不能再等了", "数字本身就说明了问题", "这是第一步，但还远远不够")
ZH_DAYS = ("周一", "周二", "周三", "周四", "周五")
ZH_MONTHS = ("三月", "五月", "十月")
ZH_SENTENCES = (
    "{role}{P}{day}表示，{org}将在{month}之前{verb}{thing}项目，并公布详细的资金安排。",
    "“{Quote}，”{p}说，“居民们已经为此等待了很多年。”",
    "据{org}统计，{place}约有{num}户居民受到{thing}的影响，这一数字可能还会上升。",
    "去年{thing}的费用上涨了{pct}，达到{money}，远高于此前的预算。",
    "批评人士认为，有关{thing2}的决定过于仓促，没有充分听取市民的意见。",
    "{p}还表示，最终报告预计将于{month}发布，届时将公布更多细节和数据。",
)
ZH_SHORT = ("目前没有人员伤亡。",)
ZH_RULE_WORD = ()
ZH_LIST_LEADS = ("{org}的计划包括以下几项内容：",)
ZH_LIST_ITEMS = ("为{thing}拨款{money}", "增加{thing2}的检查人员；")
ZH_TITLES = ("{place}将{verb}{thing}", "{thing}费用升至{money}")
ZH_CAPTIONS = ("{P}在{place}举行的{org}会议上发言，介绍{thing}的最新进展。",)
