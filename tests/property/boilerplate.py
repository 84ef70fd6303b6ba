"""Strategies for boilerplate: one per family the rule packs claim, each tagged with the rule(s) claiming it.

Every line a strategy here produces is a form the named rule says it removes (``test_strategies``
checks each pattern rule really matches its family's lines), so a failure of property 2 on these
lines is the engine's, not the generator's. Families that need page context (mastheads, caption
duplicates, link-farm items, footer links) name the context rule.
"""

from __future__ import annotations

from hypothesis import strategies as st

from tests.property.prose import Chunk, Story, fill

# ---------------------------------------------------------------- navigation and top of page
BREADCRUMB_ROOTS = ("Home", "home", "HOME", "Start", "Startseite", "Inicio", "Accueil", "Portada", "News")
BREADCRUMB_PREFIXES = ("", "", "Current:", "You are here: ", "Sie sind hier: ")
BREADCRUMB_SEPARATORS = (" > ", " » ", " › ", " → ", " / ", " | ", ">")
BREADCRUMB_SECTIONS = (
    "World", "Politics", "Local", "Europe", "Business", "Contact", "Politik", "Wirtschaft", "Noticias",
    "Sociedad", "Asia", "U.S. News", "Opinion",
)
MASTHEADS = (
    "The Maui News - Weekender",
    "The Daily Courier",
    "Riverside Tribune | Local news since 1887",
    "Harbor City Herald",
    "THE NORTHERN STAR",
    "Wealth Empowerment Academy",
    "Rheinische Abendzeitung",
    "El Diario del Norte",
)
MENU_LABELS = (
    "Menu", "Main menu", "Search", "Search...", "Log In", "Login", "Sign in", "Sign up", "Register", "Sections",
    "Navigation", "Toggle navigation", "Today's Paper", "E-Paper", "Newsletters", "Startseite", "Inicio",
)
SKIP_LINKS = ("Skip to content", "Skip to main content", "Jump to navigation", "Zum Inhalt springen", "Ir al contenido")

# ---------------------------------------------------------------- metadata lines
MET001_MAX_NAME_TOKENS = 8  # MET001's value: a capitalised word and up to seven more name words or connectors
BYLINE_PREFIXES = ("By ", "By ", "- By ", "By: ", "BY ", "Von ", "Por ", "— By ")
DATE_LINES_LABELLED = (
    "Date:{iso} {hh}:{mm}:{ss}",
    "Published: {Month} {d}, {y}",
    "Published {Month} {d}, {y} at {h}:{mm} p.m. ET",
    "Updated {h}:{mm} a.m. ET, {Mon} {d}, {y}",
    "Posted on {iso}",
    "Last updated on {d}/{m}/{y}",
    "Veröffentlicht am {d}.{m}.{y}, {hh}:{mm} Uhr",
    "Stand: {d}.{m}.{y}",
    "Publicado el {d} de {mes} de {y}",
    "Actualizado: {d}/{m}/{y} {hh}:{mm}",
)
DATE_LINES_BARE = (
    "{Month} {d}, {y}",
    "{Weekday}, {Month} {d}, {y}",
    "{iso}",
    "{d}.{m}.{y} | {hh}:{mm}",
    "{d} {mes} {y}",
    "{Mon} {d}, {y} {h}:{mm} a.m. EST",
)
MONTHS = ("January", "February", "March", "April", "June", "July", "August", "September", "October", "November")
MONS = ("Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
MESES = ("enero", "marzo", "mayo", "junio", "octubre", "diciembre")
WEEKDAYS = ("Monday", "Tuesday", "Wed.", "Thursday", "Friday", "Sat.")
READING_TIMES = ("{n} min read", "{n} min. read", "Reading time: {n} minutes", "Lesezeit: {n} Minuten", "{n} minutos de lectura")

# ---------------------------------------------------------------- captions and credits
PHOTO_CREDITS = (
    "Mikhail Klimentyev, Sputnik, Kremlin pool photo via AP",
    "Evan Vucci, AP",
    "Jane Doe, City Press",
    "Mark Lennihan, Associated Press",
    "Andreas Arnold, dpa",
)
AGENCY_CREDITS = ("(AP Photo/Evan Vucci)", "(AP Photo)", "(Getty Images)", "(Reuters)", "(AFP)", "(Photo by John Smith/Getty Images)", "(dpa)")
NAME_OUTLET_CREDITS = ("Doug Mills/The New York Times", "Jane Doe/City Press", "Carlos Ruiz/El Diario", "Anna Berg/Reuters")
PHOTO_LABELS = ("Photo:", "Photo credit:", "Image:", "Foto:", "Bild:", "Credit:", "Photos:", "Photograph:", "Fotografía:")

# ---------------------------------------------------------------- link farms
LINK_FARM_HEADERS = (
    "Related", "Related articles", "Related article", "Related stories", "Related posts", "Related news",
    "Related content", "Related coverage", "Related links", "Related reading", "Related topics", "Related videos",
    "Related video", "Ranking", "Rankings", "Recommendation", "Recommendations", "Recommended",
    "Recommended for you", "Recommended stories", "Recommended articles", "Recommended reading",
    "Recommended videos", "Recommended video", "Read more", "Read next", "More stories", "More news",
    "More articles", "Trending", "Trending now", "Trending stories", "Trending news", "Trending topics",
    "Most popular", "Most read", "Most viewed", "Most shared", "Popular", "Popular stories", "Popular posts",
    "Popular articles", "Popular now", "Popular today", "More from The Daily Courier", "More from AP News",
    "You may also like", "You might also like", "You may also be interested in", "Also read",
    "Also on Harbor City Herald", "Don't miss", "Dont miss", "Don’t miss", "Top stories", "Latest", "Latest news",
    "Latest stories", "Latest articles", "Latest posts", "Latest headlines", "Editor's picks", "Editors picks",
    "Editor’s Picks", "More on this", "More on this story", "More on this topic", "What to read next",
    "More to explore", "Recent posts", "Related Posts", "Weitere Artikel", "Weitere Nachrichten",
    "Das könnte Sie auch interessieren", "Mehr zum Thema", "Lesen Sie auch", "Auch interessant", "Meistgelesen",
    "Noticias relacionadas", "Te puede interesar", "Lo más leído", "À lire aussi", "Sur le même sujet", "Les plus lus",
    "À lire également", "Dans la même rubrique", "Articles similaires", "Auch lesen", "Mehr Themen", "Mehr Nachrichten",
    "Mehr Nachrichten aus Köln", "Schon gelesen?", "Schon gelesen", "Mehr Kolumnen", "Mehr Kolumnen auf Zeit Online",
    "Ähnliche Artikel", "Ähnliche Beiträge", "Ähnliche Themen", "Verwandte Artikel", "Verwandte Beiträge",
    "Das könnte dich auch interessieren", "Mehr aus dem Ressort", "Mehr aus der Rubrik", "Artigos relacionados",
    "Leia também", "Veja também", "Posts relacionados", "Entradas relacionadas", "Artículos relacionados",
    "También te puede interesar", "Lee también", "Notas relacionadas", "Читайте также", "Похожие статьи",
    "Другие новости", "関連記事", "関連ニュース", "Baca juga", "Berita terkait", "Artikel terkait",
    "Powiązane artykuły", "Zobacz też", "Zobacz także", "Czytaj też", "Czytaj także", "Empfohlene Beiträge",
    "Empfohlene Artikel", "Das Thema könnte dich auch interessieren", "Das Thema könnte Sie auch interessieren",
    "Weitere aktuelle Themen", "Weitere aktuelle Themen aus der Arbeitswelt", "Entdecke weitere Rezepte",
    "Más sobre La Tercera AM", "Le puede interesar", "Vea también", "Meist gelesen", "Für dich empfohlen",
    "Beliebte Beiträge", "Beliebte Beiträge zum Thema", "Auch interessant für dich", "Ähnliche Nachrichten",
    "Neueste Beiträge", "Neueste Artikel", "Weitere Beiträge", "Weitere Beiträge zu diesem Artikel",
    "Verwandte Artikel mehr vom Autor", "Weitere Artikel zum Thema", "Seit 10 Tagen am meisten gelesen",
    "Las más vistas", "Lo más visto", "Aktuelle Dossiers", "Mehr zu Wärmepumpe",
    "More in White House", "Elsewhere on Harbor City Herald", "Other news in this section",
    "Most popular in the section", "Partner news", "Post navigation", "Beitragsnavigation", "Beitrags-Navigation",
    "Navigación de entradas", "Navegação de posts", "Navigation des articles", "More articles from Jane Doe",
    "Empfohlen für dich", "Empfehlungen aus der Redaktion", "Lies auch", "Otras noticias", "Explore further",
    "Mehr lesen über", "Weitere Meldungen aus der Rubrik Gesundheit", "Viel gelesen in Handel",
    "Meistdiskutierte Artikel", "Articles les plus lus", "Verwandte ArtikelMehr vom Autor", "Read this next",
    "Also check out", "Quick Links", "Quicklinks", "Popular categories", "More Great WIRED Stories",
    "International Editions", "Temas del día", "Highlights aus dem Bereich",
    "Am meisten gelesen", "Seit 10 Tagen am meisten Reaktionen", "Aktuelle Artikel",
    "Neueste Kommentare", "Recent Comments", "Top Posts & Pages", "Top Beiträge & Seiten",
)
HEADER_DECORATIONS = (("", ""), ("", ""), ("", ":"), ("# ", ""), ("## ", ""), ("• ", ""), ("- ", ""), ("** ", ""), ("", " :"))
ITEM_BULLETS = ("- ", "• ", "* ", "· ", "▪ ", "► ")

EN_HEADLINES = (
    "Illinois governor calls for resignation of sheriff whose deputy fatally shot Black woman in her home",
    "Toyota group plant raided in test cheating probe as automaker says it sold 11.2M vehicles in 2023",
    "Juan Soto to be introduced by Mets at Citi Field after striking record $765 million, 15",
    "Chiefs coach Andy Reid expects Kadarius Toney back at practice after rant on social media",
    "The job market is getting more competitive. How to write a resume that stands out.",
    "They found a head in her fridge. She blamed her husband. Now she's charged in the case.",
    "How breaking emerged from battles in the burning Bronx to the Paris Olympics stage",
    "These images may provide the world's first-ever look at a live newborn great white shark",
    "Tax filing opens today. Here's what to know about your 2024 tax refund.",
    "PHOTO COLLECTION: AP Top Photos of the Day Wednesday August 7, 2024",
    "One Life to Live Actress Amanda Davies Dead at 42",
    "'Stranger Things' prequel 'The First Shadow' is headed to Broadway",
    "Super Bowl flights added by airlines with nods to Taylor Swift and Travis Kelce",
    "Bonus: Janet Yellen on Wait Wait...Don't Tell Me!",
    "‘Pandemic of snow’ in Anchorage sets a record for the earliest arrival of 100 inches of snow",
)
EN_HEADLINE_TEMPLATES = (
    "{team} beat {team2} {a}-{b} to reach the {event} final",
    "{celeb} to star in {show} reboot, studio says",
    "{k} things to know before buying the new {gadget}",
    "Storm brings record snowfall to {town}",
    "{celeb} opens up about life after {show}",
    "Why {gadget} prices keep climbing, explained",
    "Recipe: a weeknight {dish} ready in {k} minutes",
    "{team} fire head coach after {k} straight losses",
)
EN_HEADLINE_SLOTS = {
    "team": ("Arsenal", "The Lakers", "Boca Juniors", "The Yankees", "Bayern Munich"),
    "team2": ("Chelsea", "the Celtics", "River Plate", "the Red Sox", "Dortmund"),
    "event": ("cup", "conference", "championship"),
    "celeb": ("Taylor Swift", "Keanu Reeves", "Zendaya", "Bad Bunny", "Adele"),
    "show": ("'Friends'", "'The Office'", "'Twin Peaks'", "'Frasier'"),
    "gadget": ("smartwatch", "gaming console", "e-bike", "air fryer"),
    "town": ("Anchorage", "Buffalo", "Denver", "Minneapolis"),
    "dish": ("lasagna", "ramen", "curry", "paella"),
}
OTHER_HEADLINES = {
    "de": (
        "Bundesliga: Bayern gewinnt Spitzenspiel gegen Dortmund",
        "Wetter: Erster Schnee in den Alpen erwartet",
        "Rezept der Woche: Kürbissuppe mit Ingwer",
        "Tatort-Kommissarin verabschiedet sich nach zwölf Jahren",
        "Diese fünf Smartphones lohnen sich wirklich",
        "Champions League: Leverkusen zieht ins Viertelfinale ein",
    ),
    "es": (
        "El Real Madrid gana el clásico en el último minuto",
        "Receta: cómo hacer una tortilla de patatas perfecta",
        "Ola de calor: las temperaturas superarán los 40 grados",
        "Rosalía anuncia nueva gira mundial",
        "Los cinco móviles más vendidos del año",
    ),
    "ru": (
        "«Зенит» обыграл «Спартак» в дерби",
        "Синоптики пообещали аномальную жару",
        "Рецепт недели: борщ за полчаса",
        "Названы самые продаваемые смартфоны года",
    ),
    "zh": ("国足主场战平对手", "明星新剧定档暑期", "气象台发布高温预警", "这五款手机最值得买"),
}

# ---------------------------------------------------------------- widgets, prompts, footers
REACTION_LABELS = ("veryGood!", "veryGood", "Like", "Love", "Wow!", "Sad", "Angry", "Funny", "Interesting", "Gefällt mir", "Me gusta", "👍", "❤️")
COUNTER_NOUNS = ("views", "view", "shares", "comments", "comment", "likes", "reactions", "Kommentare", "Aufrufe", "comentarios")
UI_LABELS = (
    "View", "Views", "Print", "Email", "E-mail", "Share", "Tweet", "Like", "Reply", "Save", "Listen",
    "Listen to this article", "Download", "Advertisement", "ADVERTISEMENT", "Anzeige", "Werbung", "Publicidad",
    "Sponsored", "Continue reading the main story", "Continue reading", "Supported by", "Read more", "Show more",
    "Load more", "See more", "Click here", "Zoom", "Expand", "Gallery", "Video", "Play video", "Photo", "Photos",
    "Copy link", "1 of 12", "More",
)
SEPARATORS = ("___", "* * *", "-----", "• • •", "~~~", "===", "—————")
SHARE_NETWORKS = ("Facebook", "Twitter", "X", "LinkedIn", "WhatsApp", "Email", "E-mail", "Reddit", "Pinterest", "Telegram", "Flipboard", "Copy link", "Print")
SHARE_LEADS = ("Share this article:", "Share this story", "Share:", "Share on", "Share via", "Share", "Teilen:", "Artikel teilen", "Compartir:", "Partager", "Tweet", "Pin it")
NEWSLETTERS = (
    "Sign up for our newsletter to get the latest news in your inbox every morning.",
    "Sign up for The Morning Briefing newsletter",
    "Subscribe to our daily newsletter",
    "Subscribe to The Courier’s free newsletter and get the day's top stories in your inbox.",
    "Register for e-mail updates from the newsroom",
    "Get the Morning Edition newsletter",
    "Get our free weekly newsletter",
    "Jetzt abonnieren: unser Newsletter mit den wichtigsten Nachrichten des Tages",
    "Suscríbete a nuestra newsletter y recibe las noticias del día",
)
COOKIES = (
    "We use cookies to improve your experience. By continuing you accept our cookie policy.",
    "This website uses cookies to ensure you get the best experience on our website.",
    "This site uses cookies. Learn more",
    "Accept all cookies",
    "Cookie settings",
    "Manage cookie preferences",
    "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.",
    "Diese Website verwendet Cookies. Mehr erfahren",
    "Utilizamos cookies propias y de terceros para mejorar nuestros servicios.",
)
SUBSCRIPTIONS = (
    "Subscribe now",
    "Subscribe today!",
    "Subscribe.",
    "Already a subscriber? Log in",
    "Already a subscriber? Sign in here.",
    "Already have an account? Sign in",
    "Sign in to continue reading",
    "Log in to read the full story",
    "This article is only available to subscribers.",
    "This story is reserved for members. Join today.",
    "Become a member to get unlimited access.",
    "Become a subscriber for just $1 a week",
    "Support independent journalism. Donate today.",
    "Support our journalism",
    "Jetzt abonnieren und weiterlesen",
)
JAVASCRIPT = (
    "Please enable JavaScript to view the comments.",
    "JavaScript is disabled in your browser.",
    "Your browser does not support the video tag.",
    "Bitte aktivieren Sie JavaScript in Ihrem Browser.",
)
FOLLOW = ("Follow us", "Follow us on Facebook, Twitter and Instagram", "Follow us on X", "Connect with us", "Find us on Facebook", "Folgen Sie uns", "Síguenos", "Follow us!")
COMMENT_PROMPTS = (
    "Leave a comment", "Leave a reply", "Comments are closed.", "Comments are moderated", "Join the conversation",
    "Add a comment", "Post a comment", "Show comments", "View comments", "12 comments", "1 comment", "Kommentare",
    "Kommentar schreiben", "Deja un comentario",
)
ARCHIVE_FOOTERS = (
    ("Newspapers in English", "Newspapers from United States"),
    ("Newspapers in English", "Newspapers from Canada"),
    ("Newspapers in German", "Newspapers from Germany"),
    ("Magazines in English",),
    ("Newspapers from United Kingdom",),
)
COPYRIGHTS = (
    "© {y} The Daily Courier. All rights reserved.",
    "Copyright © {y} Harbor Media Group",
    "Copyright {y} Riverside Tribune",
    "(c) {y} Northern Star Media",
    "© {y} AP. All rights reserved.",
    "Alle Rechte vorbehalten.",
    "© {y} Rheinische Abendzeitung – Alle Rechte vorbehalten",
    "Todos los derechos reservados.",
)
FOOTER_LINKS = ("About us", "About", "Contact", "Contact us", "Privacy Policy", "Privacy", "Terms of Service", "Terms of Use", "Terms", "Impressum", "Datenschutz", "Sitemap", "Back to top", "Nach oben")
PAGINATION = ("Next Post »", "« Previous", "Previous", "Next", "Next page", "Older posts", "Newer Posts", "Page 2 of 5", "Seite 2 von 4", "1 2 3 Next", "1 2 3 4 »", "Siguiente", "Weiter")


def _chunk(family: str, rules: tuple[str, ...], lines: tuple[str, ...], gaps: tuple[bool, ...] | None = None) -> Chunk:
    return Chunk("boilerplate", lines, (), family, rules, gaps if gaps is not None else (False,) * (len(lines) - 1))


def _one(family: str, rules: tuple[str, ...], pool: tuple[str, ...]) -> st.SearchStrategy[Chunk]:
    return st.sampled_from(pool).map(lambda line: _chunk(family, rules, (line,)))


@st.composite
def _gaps(draw: st.DrawFn, n: int) -> tuple[bool, ...]:
    tight = draw(st.booleans())
    return (False,) * (n - 1) if tight else tuple(draw(st.booleans()) for _ in range(n - 1))


@st.composite
def breadcrumbs(draw: st.DrawFn, title: str = "") -> Chunk:
    """'Home > News > World', or the seed-004 form with the title glued on."""
    sep = draw(st.sampled_from(BREADCRUMB_SEPARATORS))
    root = draw(st.sampled_from(BREADCRUMB_ROOTS))
    trail = draw(st.lists(st.sampled_from(BREADCRUMB_SECTIONS), min_size=1, max_size=3, unique=True))
    line = draw(st.sampled_from(BREADCRUMB_PREFIXES)) + sep.join([root, *trail])
    if title and draw(st.integers(0, 3)) == 0:  # seed 004: "Current:Home > ContactPutin focuses on ... -Wealth Empowerment Academy"
        line = f"Current:{root} > {trail[0]}{title} -{draw(st.sampled_from(MASTHEADS))}"
    return _chunk("breadcrumb", ("NAV001",), (line,))


def mastheads() -> st.SearchStrategy[Chunk]:
    """The site's name above the title."""
    return _one("masthead", ("MST001",), MASTHEADS)


@st.composite
def menus(draw: st.DrawFn) -> Chunk:
    """One or more lone menu labels."""
    labels = tuple(draw(st.lists(st.sampled_from(MENU_LABELS), min_size=1, max_size=4, unique=True)))
    return _chunk("menu", ("NAV003",), labels, draw(_gaps(len(labels))))


def skip_links() -> st.SearchStrategy[Chunk]:
    """'Skip to content'."""
    return _one("skip-link", ("NAV002",), SKIP_LINKS)


@st.composite
def bylines(draw: st.DrawFn, story: Story) -> Chunk:
    """'By FELIPE DANA', '- By Jane Doe and John Smith', 'Von Katrin Schäfer', 'Por Lucía Martín'."""
    names = [p[0] for p in draw(st.permutations(story.lang.people))]
    if story.lang.code in ("ru", "zh"):  # MET001 knows Latin-script bylines only ('By', 'Von', 'Por', ...)
        names = list(draw(st.permutations(("Felipe Dana", "Jane Doe", "Kim Tong-Hyung"))))
    name = names[0] if draw(st.booleans()) else f"{names[0]} and {names[1]}"
    if len(name.split()) > MET001_MAX_NAME_TOKENS:  # "By María José Fernández and Carmen Ruiz de la Peña" is past MET001
        name = names[0]
    if draw(st.integers(0, 3)) == 0:
        name = name.upper().replace(" AND ", " and ")
    return _chunk("byline", ("MET001",), (draw(st.sampled_from(BYLINE_PREFIXES)) + name,))


@st.composite
def date_lines(draw: st.DrawFn) -> Chunk:
    """A date line, labelled ('Date:2025-04-13 22:27:44', 'Published: ...') or bare ('November 19, 2019')."""
    labelled = draw(st.booleans())
    template = draw(st.sampled_from(DATE_LINES_LABELLED if labelled else DATE_LINES_BARE))
    d, m, y = draw(st.integers(1, 28)), draw(st.integers(1, 12)), draw(st.integers(2015, 2025))
    h, mi, s = draw(st.integers(1, 12)), draw(st.integers(0, 59)), draw(st.integers(0, 59))
    line = template.format(
        iso=f"{y}-{m:02d}-{d:02d}", y=y, m=f"{m:02d}", d=d, h=h, hh=f"{h + 8:02d}", mm=f"{mi:02d}", ss=f"{s:02d}",
        Month=draw(st.sampled_from(MONTHS)), Mon=draw(st.sampled_from(MONS)), mes=draw(st.sampled_from(MESES)),
        Weekday=draw(st.sampled_from(WEEKDAYS)),
    )
    return _chunk("date", ("MET002",) if labelled else ("MET003",), (line,))


@st.composite
def reading_times(draw: st.DrawFn) -> Chunk:
    """'4 min read'."""
    line = draw(st.sampled_from(READING_TIMES)).format(n=draw(st.integers(1, 25)))
    return _chunk("reading-time", ("MET004",), (line,))


@st.composite
def archive_captions(draw: st.DrawFn, story: Story) -> Chunk:
    """A caption between '??' image markers, usually followed by its duplicate without markers (seed 000)."""
    credit = draw(st.sampled_from(PHOTO_CREDITS))
    caption = fill(draw, story, draw(st.sampled_from(story.lang.captions)))
    lead = draw(st.sampled_from((" ?? ", "?? ", "")))
    first = f"{lead}{credit} ?? {caption}" if lead else f"{credit} ?? {caption}"
    if draw(st.integers(0, 4)) == 0:
        return _chunk("caption-archive", ("CAP001",), (first,))
    duplicate = f"{credit} {caption}" if draw(st.booleans()) else caption
    return _chunk("caption-archive", ("CAP001", "CAP010"), (first, duplicate), (draw(st.booleans()),))


@st.composite
def photo_label_captions(draw: st.DrawFn, story: Story) -> Chunk:
    """'Photo: <caption> (credit)' and bare 'Credit...' labels."""
    label = draw(st.sampled_from(PHOTO_LABELS))
    caption = fill(draw, story, draw(st.sampled_from(story.lang.captions)))
    line = draw(st.sampled_from((f"{label} {caption}", f"{label} {draw(st.sampled_from(PHOTO_CREDITS))}", "Credit...")))
    return _chunk("caption-label", ("CAP002",), (line,))


@st.composite
def agency_captions(draw: st.DrawFn, story: Story) -> Chunk:
    """A caption ending in an agency credit: '... on Tuesday. (AP Photo/Evan Vucci)'."""
    caption = fill(draw, story, draw(st.sampled_from(story.lang.captions)))
    return _chunk("caption-agency", ("CAP003",), (f"{caption} {draw(st.sampled_from(AGENCY_CREDITS))}",))


def outlet_credits() -> st.SearchStrategy[Chunk]:
    """'Doug Mills/The New York Times'."""
    return _one("caption-credit", ("CAP004",), NAME_OUTLET_CREDITS)


@st.composite
def captions(draw: st.DrawFn, story: Story) -> Chunk:
    """Any caption family."""
    return draw(
        st.one_of(archive_captions(story), archive_captions(story), photo_label_captions(story), agency_captions(story), outlet_credits())
    )


@st.composite
def headlines(draw: st.DrawFn, lang: str) -> str:
    """An off-topic teaser headline (another story of the site)."""
    if lang != "en" and draw(st.integers(0, 3)):
        return draw(st.sampled_from(OTHER_HEADLINES[lang]))
    if draw(st.booleans()):
        return draw(st.sampled_from(EN_HEADLINES))
    template = draw(st.sampled_from(EN_HEADLINE_TEMPLATES))
    slots = {k: draw(st.sampled_from(v)) for k, v in EN_HEADLINE_SLOTS.items()}
    return template.format(**slots, a=draw(st.integers(1, 5)), b=draw(st.integers(0, 4)), k=draw(st.integers(3, 12)))


@st.composite
def link_farm_headers(draw: st.DrawFn) -> str:
    """A link-farm header in one of the spellings and decorations LNK001 knows."""
    header = draw(st.sampled_from(LINK_FARM_HEADERS))
    case = draw(st.integers(0, 5))
    if case == 0:
        header = header.upper()
    elif case == 1:
        header = " ".join(w[:1].upper() + w[1:] for w in header.split(" "))
    before, after = draw(st.sampled_from(HEADER_DECORATIONS))
    return f"{before}{header}{after}"


@st.composite
def link_farms(draw: st.DrawFn, lang: str, min_items: int = 2, max_items: int = 10) -> Chunk:
    """A link-farm header and a run of off-topic headlines, with or without bullets."""
    header = draw(link_farm_headers())
    items = draw(st.lists(headlines(lang), min_size=min_items, max_size=max_items, unique=True))
    if draw(st.booleans()):
        bullet = draw(st.sampled_from(ITEM_BULLETS))
        items = [bullet + item for item in items]
    lines = (header, *items)
    return _chunk("link-farm", ("LNK001",), lines, draw(_gaps(len(lines))))


@st.composite
def reactions(draw: st.DrawFn) -> Chunk:
    """Reaction widget with a count: 'veryGood! (1)'."""
    line = f"{draw(st.sampled_from(REACTION_LABELS))} ({draw(st.integers(0, 9999))})"
    return _chunk("reaction", ("WID001",), (line,))


@st.composite
def counters(draw: st.DrawFn) -> Chunk:
    """'1,234 views', '12 shares', '1.2K views'."""
    n = draw(st.sampled_from(("1", "12", "345", "1,234", "12.5K", "2K", "1.2M", "87")))
    return _chunk("counter", ("WID003",), (f"{n} {draw(st.sampled_from(COUNTER_NOUNS))}",))


def ui_labels() -> st.SearchStrategy[Chunk]:
    """A lone widget label: 'View', 'Advertisement', 'Continue reading the main story'."""
    return _one("ui-label", ("WID002",), UI_LABELS)


def separators() -> st.SearchStrategy[Chunk]:
    """'___', '* * *'."""
    return _one("separator", ("WID004",), SEPARATORS)


@st.composite
def share_bars(draw: st.DrawFn) -> Chunk:
    """'Share this article: Facebook Twitter Email'."""
    lead = draw(st.sampled_from(SHARE_LEADS))
    nets = draw(st.lists(st.sampled_from(SHARE_NETWORKS), min_size=0 if lead.rstrip(":") != "Share on" else 1, max_size=5, unique=True))
    sep = draw(st.sampled_from((" ", ", ", " | ", " · ", " / ")))
    line = lead + (" " + sep.join(nets) if nets else "")
    return _chunk("share-bar", ("PRM001",), (line,))


def newsletters() -> st.SearchStrategy[Chunk]:
    """Newsletter sign-up prompt."""
    return _one("newsletter", ("PRM002",), NEWSLETTERS)


def cookie_notices() -> st.SearchStrategy[Chunk]:
    """Cookie or consent notice."""
    return _one("cookie", ("PRM003",), COOKIES)


def subscription_prompts() -> st.SearchStrategy[Chunk]:
    """Subscription or paywall prompt."""
    return _one("subscription", ("PRM004",), SUBSCRIPTIONS)


def javascript_prompts() -> st.SearchStrategy[Chunk]:
    """'Please enable JavaScript'."""
    return _one("javascript", ("PRM005",), JAVASCRIPT)


def follow_prompts() -> st.SearchStrategy[Chunk]:
    """'Follow us on ...'."""
    return _one("follow", ("PRM006",), FOLLOW)


def comment_prompts() -> st.SearchStrategy[Chunk]:
    """'Leave a comment'."""
    return _one("comments", ("PRM007",), COMMENT_PROMPTS)


@st.composite
def archive_footers(draw: st.DrawFn) -> Chunk:
    """'Newspapers in English' / 'Newspapers from United States' (seed 000)."""
    lines = draw(st.sampled_from(ARCHIVE_FOOTERS))
    return _chunk("archive-footer", ("MST002",), lines, draw(_gaps(len(lines))))


@st.composite
def copyrights(draw: st.DrawFn) -> Chunk:
    """'© 2024 The Daily Courier. All rights reserved.'."""
    return _chunk("copyright", ("MST003",), (draw(st.sampled_from(COPYRIGHTS)).format(y=draw(st.integers(2000, 2025))),))


@st.composite
def footer_links(draw: st.DrawFn) -> Chunk:
    """'About us' / 'Contact' / 'Terms of Service' below the article."""
    links = tuple(draw(st.lists(st.sampled_from(FOOTER_LINKS), min_size=1, max_size=5, unique=True)))
    return _chunk("footer-links", ("MST004", "NAV003"), links, draw(_gaps(len(links))))


def paginations() -> st.SearchStrategy[Chunk]:
    """'Next Post »', 'Page 2 of 5'."""
    return _one("pagination", ("NAV004",), PAGINATION)


def top_families(title: str) -> st.SearchStrategy[Chunk]:
    """Boilerplate found above the title."""
    return st.one_of(breadcrumbs(title), menus(), skip_links(), cookie_notices())


def meta_families(story: Story) -> st.SearchStrategy[Chunk]:
    """Boilerplate between the title and the body."""
    return st.one_of(bylines(story), date_lines(), reading_times(), share_bars(), ui_labels(), captions(story))


def inline_families(story: Story, *, dense: bool = False) -> st.SearchStrategy[Chunk]:
    """Boilerplate found between body paragraphs (dense: inline link farms and captions come often)."""
    if dense:
        return st.one_of(link_farms(story.lang.code, 2, 4), captions(story), inline_families(story))
    return st.one_of(
        captions(story),
        captions(story),
        ui_labels(),
        newsletters(),
        subscription_prompts(),
        share_bars(),
        link_farms(story.lang.code, 2, 4),
        javascript_prompts(),
    )


def bottom_families(story: Story) -> st.SearchStrategy[Chunk]:
    """Boilerplate found below the article."""
    return st.one_of(
        link_farms(story.lang.code),
        link_farms(story.lang.code),
        reactions(),
        counters(),
        share_bars(),
        ui_labels(),
        newsletters(),
        cookie_notices(),
        subscription_prompts(),
        follow_prompts(),
        comment_prompts(),
        archive_footers(),
        copyrights(),
        footer_links(),
        paginations(),
        separators(),
        captions(story),
    )
