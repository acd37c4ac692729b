"""Article text in six languages other than English, written for the crawl benchmark.

Each language has three short news stories of three paragraphs each, with two headlines per
story, invented for this benchmark (places are real, the events are not). ``crawl_folder``
wraps them in news-site HTML; the order of paragraphs and the headline vary between pages,
as they do between the versions of one story an outlet publishes over a day.
"""

from __future__ import annotations

Story = tuple[tuple[str, str], tuple[str, str, str]]

STORIES: dict[str, list[Story]] = {
    "de": [
        (("Stadtrat beschließt neues Radwegenetz", "Mehr Platz für Radfahrer: Stadtrat stimmt Plan zu"), (
            "Der Stadtrat von Freiburg hat am Dienstagabend mit großer Mehrheit ein neues Radwegenetz beschlossen. In den kommenden fünf Jahren sollen rund vierzig Kilometer geschützte Radspuren entstehen, vor allem auf den Ausfallstraßen in Richtung Norden.",
            "Die Kosten schätzt die Verwaltung auf knapp dreißig Millionen Euro, von denen das Land etwa die Hälfte übernehmen will. Kritik kam vom Einzelhandelsverband, der den Wegfall von Parkplätzen in der Innenstadt befürchtet.",
            "Der Oberbürgermeister sprach nach der Abstimmung von einem wichtigen Tag für die Stadt. Die ersten Bauarbeiten sollen bereits im Herbst an der Habsburgerstraße beginnen, wo sich im vergangenen Jahr mehrere schwere Unfälle ereignet hatten.",
        )),
        (("Bäckerei-Kette schließt zwölf Filialen", "Zwölf Filialen dicht: Beschäftigte bangen um ihre Stellen"), (
            "Eine der größten Bäckereiketten im Ruhrgebiet schließt bis zum Jahresende zwölf ihrer Filialen. Das Unternehmen begründet den Schritt mit den stark gestiegenen Preisen für Energie und Mehl sowie mit dem Mangel an Fachkräften.",
            "Betroffen sind nach Angaben der Gewerkschaft rund hundertzwanzig Beschäftigte. Ein Teil von ihnen soll in anderen Filialen weiterarbeiten können, für die übrigen wird derzeit über einen Sozialplan verhandelt.",
            "Kunden reagierten in den sozialen Netzwerken enttäuscht, viele erinnerten an die lange Geschichte des Familienbetriebs. Die Geschäftsführung betonte, die Backstube in Bochum bleibe erhalten und werde sogar modernisiert.",
        )),
        (("Sommerferien: Stau auf der A7 erwartet", "Reisewelle rollt an – Verkehrsclub warnt vor Staus"), (
            "Zum Beginn der Sommerferien in mehreren Bundesländern rechnen Verkehrsexperten am kommenden Wochenende mit langen Staus. Besonders betroffen sein dürften die A7 in Richtung Süden und die Strecken rund um München.",
            "Der Automobilclub empfiehlt, möglichst nicht am Samstagvormittag aufzubrechen und ausreichend Wasser mitzunehmen. Auf mehreren Abschnitten gibt es zudem Baustellen, an denen nur eine Spur befahrbar ist.",
            "Auch an den Flughäfen wird viel Betrieb erwartet. Die Betreiber raten Reisenden, mindestens zweieinhalb Stunden vor dem Abflug am Terminal zu sein und das Handgepäck vorab zu prüfen.",
        )),
    ],
    "fr": [
        (("Marseille : un nouveau parc ouvre ses portes dans le 3e arrondissement", "Un parc de deux hectares inauguré à Marseille"), (
            "Après trois ans de travaux, un parc de deux hectares a été inauguré samedi dans le troisième arrondissement de Marseille. Le site, ancien terrain industriel, accueille désormais des jeux pour enfants, un jardin partagé et un terrain de basket.",
            "La mairie a financé l'essentiel du projet, estimé à six millions d'euros, avec le soutien de la région. Les habitants du quartier, l'un des plus densément peuplés de la ville, réclamaient un espace vert depuis plus de dix ans.",
            "Plusieurs associations se sont déjà proposées pour animer le jardin partagé. Le parc sera ouvert tous les jours de huit heures à vingt heures, et jusqu'à vingt-deux heures pendant l'été.",
        )),
        (("Bretagne : la pêche à la coquille Saint-Jacques reprend", "Coquilles Saint-Jacques : ouverture de la saison en baie de Saint-Brieuc"), (
            "La saison de pêche à la coquille Saint-Jacques a officiellement repris lundi en baie de Saint-Brieuc. Près de deux cents bateaux étaient au rendez-vous dès l'aube, malgré une mer agitée et un vent soutenu.",
            "Les quotas ont été légèrement relevés cette année, les comptages scientifiques ayant montré un gisement en bonne santé. Les professionnels restent toutefois inquiets face à la hausse du prix du carburant.",
            "Les premières coquilles seront vendues dès mardi à la criée d'Erquy. Les restaurateurs de la côte attendent ce moment avec impatience, la Saint-Jacques étant l'un des produits phares de leur carte en hiver.",
        )),
        (("Lille : le festival de théâtre de rue attire un public record", "Affluence record pour le théâtre de rue à Lille"), (
            "Le festival de théâtre de rue de Lille a attiré plus de quatre-vingt mille spectateurs en trois jours, un record depuis sa création. Une quarantaine de compagnies venues de toute l'Europe se sont produites sur les places du Vieux-Lille.",
            "Les organisateurs saluent une édition sans incident majeur, malgré une averse violente dimanche après-midi qui a obligé à interrompre deux spectacles. Les bénévoles ont distribué des ponchos aux spectateurs.",
            "La prochaine édition est déjà annoncée pour la fin du mois de juin. La ville envisage d'étendre le festival au quartier de Wazemmes afin de mieux répartir la foule.",
        )),
    ],
    "pl": [
        (("Gdańsk: nowy most zwodzony na Motławie gotowy", "Most na Motławie otwarty dla pieszych"), (
            "W Gdańsku oddano do użytku nowy most zwodzony nad Motławą, który łączy Wyspę Spichrzów z Długim Pobrzeżem. Przeprawa jest przeznaczona dla pieszych i rowerzystów, a jej przęsło podnosi się co godzinę, aby przepuścić jachty.",
            "Budowa kosztowała ponad czterdzieści milionów złotych i trwała prawie dwa lata. Część mieszkańców krytykowała projekt za wygląd, inni cieszą się, że droga na wyspę skróciła się o kilkaset metrów.",
            "Miasto zapowiada, że w weekendy most będzie podnoszony częściej, ponieważ w sezonie ruch łodzi jest znacznie większy. Na obu brzegach ustawiono tablice z rozkładem otwarć.",
        )),
        (("Susza w Wielkopolsce. Rolnicy liczą straty", "Rolnicy z Wielkopolski alarmują: brakuje deszczu"), (
            "Rolnicy z Wielkopolski alarmują, że tegoroczna susza może zmniejszyć plony zbóż nawet o jedną trzecią. Od początku maja w regionie spadła tylko niewielka część normalnej ilości deszczu.",
            "Wojewoda powołał komisje, które mają szacować straty w gospodarstwach. Wnioski o pomoc można składać w urzędach gmin do końca przyszłego miesiąca.",
            "Eksperci przypominają, że susze w tej części kraju zdarzają się coraz częściej. Zalecają budowę małych zbiorników retencyjnych i zmianę sposobu uprawy gleby.",
        )),
        (("Wrocław: rekordowa frekwencja na festiwalu filmowym", "Festiwal filmowy we Wrocławiu przyciągnął tłumy"), (
            "Tegoroczny festiwal filmowy we Wrocławiu odwiedziło ponad sto tysięcy widzów, najwięcej w historii imprezy. Przez dziesięć dni pokazano blisko trzysta filmów z kilkudziesięciu krajów.",
            "Główną nagrodę otrzymał debiut młodej reżyserki z Ukrainy, opowiadający o życiu w przygranicznym miasteczku. Jury doceniło zwłaszcza zdjęcia i muzykę.",
            "Organizatorzy już zapowiadają, że w przyszłym roku część seansów odbędzie się w plenerze nad Odrą. Bilety na pierwsze pokazy mają trafić do sprzedaży wiosną.",
        )),
    ],
    "es": [
        (("Valencia amplía la red de metro hasta el puerto", "El metro de Valencia llegará al puerto en 2027"), (
            "La Generalitat ha aprobado la ampliación de la línea diez del metro de Valencia hasta la zona del puerto. Las obras comenzarán el próximo año y el nuevo tramo, de unos tres kilómetros, tendrá cuatro estaciones.",
            "El presupuesto supera los ciento cincuenta millones de euros, según el consejero de Infraestructuras. Los vecinos de Natzaret llevaban años reclamando una conexión rápida con el centro de la ciudad.",
            "Las asociaciones de comerciantes temen que las obras afecten a sus negocios durante casi tres años. La administración ha prometido ayudas y un plan de señalización para mantener el acceso a las tiendas.",
        )),
        (("Ola de calor: Sevilla roza los 45 grados", "Aviso rojo por calor extremo en el valle del Guadalquivir"), (
            "La Agencia Estatal de Meteorología ha activado el aviso rojo en la campiña sevillana, donde los termómetros podrían alcanzar los cuarenta y cinco grados el jueves. Es el episodio de calor más intenso del verano.",
            "Las autoridades sanitarias recomiendan evitar la actividad física en las horas centrales del día y beber agua con frecuencia. Varios ayuntamientos han abierto salas climatizadas para las personas mayores.",
            "Los agricultores han adelantado la jornada laboral a la madrugada para proteger a los trabajadores. Se espera que las temperaturas bajen ligeramente a partir del fin de semana.",
        )),
        (("Bilbao acoge la final europea de baloncesto", "Miles de aficionados llegan a Bilbao para la final"), (
            "Más de quince mil aficionados de toda Europa llenarán este fin de semana el pabellón de Miribilla, en Bilbao, que acoge la final de la competición europea de baloncesto. Los hoteles de la ciudad están prácticamente completos.",
            "El ayuntamiento ha reforzado el transporte público y ha instalado pantallas gigantes en la plaza Moyúa para quienes no tengan entrada. La policía desplegará un dispositivo especial alrededor del pabellón.",
            "Los comerciantes esperan un impacto económico notable. Según la cámara de comercio, cada visitante gastará de media más de trescientos euros durante su estancia.",
        )),
    ],
    "it": [
        (("Torino, riapre il museo del cinema dopo i lavori", "Mole Antonelliana: il museo del cinema torna visitabile"), (
            "Dopo otto mesi di lavori di restauro, il Museo nazionale del cinema di Torino riapre al pubblico sabato prossimo. Gli interventi hanno riguardato l'impianto di climatizzazione e l'ascensore panoramico della Mole Antonelliana.",
            "La direzione annuncia anche un nuovo percorso dedicato al cinema d'animazione, con disegni originali e macchine da presa d'epoca. Il biglietto resterà allo stesso prezzo dell'anno scorso.",
            "Per il weekend di riapertura sono previste visite guidate gratuite per i residenti. Le prenotazioni si possono fare online oppure presso la biglietteria di via Montebello.",
        )),
        (("Maltempo in Liguria, chiuse le scuole a Genova", "Allerta rossa: scuole e parchi chiusi a Genova"), (
            "Per l'allerta meteo rossa diramata dalla protezione civile, il sindaco di Genova ha disposto la chiusura di scuole, parchi e cimiteri per la giornata di giovedì. Sono attese piogge intense soprattutto nel levante.",
            "Nelle ultime ore alcuni torrenti hanno superato il livello di guardia e una frana ha interrotto una strada provinciale sopra Chiavari. Non si segnalano feriti.",
            "I cittadini sono invitati a non sostare nei piani bassi degli edifici vicini ai corsi d'acqua e a limitare gli spostamenti. Le linee ferroviarie potrebbero subire ritardi.",
        )),
        (("Bologna, il mercato coperto compie cento anni", "Cento anni di mercato delle Erbe a Bologna"), (
            "Il mercato delle Erbe di Bologna festeggia cento anni con una settimana di iniziative tra degustazioni, mostre fotografiche e concerti. Il mercato coperto, nel cuore della città, ospita oggi una settantina di banchi.",
            "Molti commercianti gestiscono il proprio banco da generazioni. Una fruttivendola racconta che suo nonno vendeva già castagne e funghi negli anni Cinquanta, quando il mercato era il principale punto di riferimento del quartiere.",
            "Il Comune ha annunciato un piano per rinnovare il tetto e migliorare l'accessibilità entro due anni. I lavori saranno organizzati in modo da non chiudere mai completamente il mercato.",
        )),
    ],
    "nl": [
        (("Utrecht krijgt grootste fietsenstalling van het land erbij", "Nieuwe fietsenstalling bij station Utrecht geopend"), (
            "Bij het centraal station van Utrecht is een nieuwe ondergrondse fietsenstalling geopend met plaats voor ruim zesduizend fietsen. De eerste vierentwintig uur is het stallen gratis, daarna betaalt men een klein bedrag per dag.",
            "De gemeente wil daarmee de stoepen rond het station vrijmaken van weesfietsen. Handhavers gaan de komende weken controleren en fout geplaatste fietsen laten weghalen.",
            "Reizigers reageren overwegend positief, al vinden sommigen de looproute naar de perrons aan de lange kant. Volgens de gemeente komt er voor de zomer een extra uitgang aan de westzijde.",
        )),
        (("Storm zorgt voor overlast in Zeeland", "Omgewaaide bomen en afgelaste veerdiensten door storm"), (
            "Een zware storm heeft maandag in Zeeland voor veel overlast gezorgd. De brandweer rukte tientallen keren uit voor omgewaaide bomen en losgeraakte dakpannen, vooral rond Middelburg en Vlissingen.",
            "De veerdienst tussen Vlissingen en Breskens werd de hele middag stilgelegd. Ook het treinverkeer liep vertraging op doordat een boom op de bovenleiding was gevallen.",
            "Het KNMI verwacht dat de wind in de loop van de nacht afneemt. Wel blijft het de rest van de week onstuimig met regelmatig zware buien.",
        )),
        (("Groningen opent nieuw zwembad na jaren van discussie", "Na lange discussie: nieuw zwembad in Groningen open"), (
            "Na jaren van discussie over kosten en locatie is in Groningen een nieuw zwembad geopend. Het bad heeft een wedstrijdbad van vijftig meter, een instructiebad en een apart bad voor peuters.",
            "De bouw viel enkele miljoenen duurder uit dan begroot, onder meer door gestegen materiaalprijzen. De gemeenteraad stemde vorig jaar na een fel debat in met een extra krediet.",
            "Zwemverenigingen zijn blij met de extra baanuren. De exploitant verwacht jaarlijks ruim driehonderdduizend bezoekers te ontvangen.",
        )),
    ],
}

#: How each language's site furniture reads (navigation, cookie banner, related links).
FURNITURE: dict[str, tuple[list[str], str, str, str]] = {
    "de": (["Startseite", "Politik", "Wirtschaft", "Region", "Sport", "Kultur"],
           "Wir nutzen Cookies und ähnliche Technologien. Mit Klick auf Akzeptieren stimmen Sie der Nutzung zu.",
           "Das könnte Sie auch interessieren", "Impressum · Datenschutz · Kontakt"),
    "fr": (["Accueil", "Actualité", "Économie", "Régions", "Sport", "Culture"],
           "Nous utilisons des cookies pour améliorer votre expérience. En continuant, vous acceptez leur utilisation.",
           "À lire aussi", "Mentions légales · Confidentialité · Contact"),
    "pl": (["Strona główna", "Kraj", "Gospodarka", "Region", "Sport", "Kultura"],
           "Używamy plików cookie, aby zapewnić najlepszą jakość korzystania z serwisu.",
           "Zobacz także", "Regulamin · Polityka prywatności · Kontakt"),
    "es": (["Portada", "Nacional", "Economía", "Comunidad", "Deportes", "Cultura"],
           "Utilizamos cookies propias y de terceros. Si continúa navegando, acepta su uso.",
           "Te puede interesar", "Aviso legal · Privacidad · Contacto"),
    "it": (["Home", "Cronaca", "Economia", "Regione", "Sport", "Cultura"],
           "Questo sito utilizza cookie tecnici e di profilazione. Continuando accetti il loro utilizzo.",
           "Leggi anche", "Note legali · Privacy · Contatti"),
    "nl": (["Home", "Binnenland", "Economie", "Regio", "Sport", "Cultuur"],
           "Wij gebruiken cookies om de site goed te laten werken. Door verder te gaan ga je akkoord.",
           "Lees ook", "Colofon · Privacy · Contact"),
}
