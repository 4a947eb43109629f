// Small word lists for the faker-style dynamic variables. Our own, short lists: the values only need to look
// realistic and be of the kind faker 5.5 gives, not to match faker's data. The lorem vocabulary is in
// DynamicVariables+Lorem.swift.

enum FakeWords {
    static let firstNames = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David",
        "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles",
        "Karen", "Christopher", "Lisa", "Daniel", "Nancy", "Matthew", "Betty", "Anthony", "Sandra", "Mark", "Ashley",
        "Donald", "Emily", "Steven", "Donna", "Andrew", "Michelle", "Kenneth", "Carol", "Joshua", "Amanda", "Kevin",
        "Melissa", "Brian", "Deborah", "Oliver", "Sophia", "Liam", "Emma", "Noah", "Ava"]
    static let lastNames = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
        "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson",
        "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams",
        "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts"]
    static let namePrefixes = ["Mr.", "Mrs.", "Ms.", "Miss", "Dr."]
    static let nameSuffixes = ["Jr.", "Sr.", "I", "II", "III", "IV", "V", "MD", "DDS", "PhD", "DVM"]
    static let jobDescriptors = ["Lead", "Senior", "Direct", "Corporate", "Dynamic", "Future", "Product", "National",
        "Regional", "District", "Central", "Global", "Customer", "Investor", "Dynamic", "International", "Legacy",
        "Forward", "Internal", "Human", "Chief", "Principal"]
    static let jobAreas = ["Solutions", "Program", "Brand", "Security", "Research", "Marketing", "Directives",
        "Implementation", "Integration", "Functionality", "Response", "Paradigm", "Tactics", "Identity", "Markets",
        "Group", "Division", "Applications", "Optimization", "Operations", "Infrastructure", "Intranet",
        "Communications", "Web", "Branding", "Quality", "Assurance", "Mobility", "Accounts", "Data", "Creative",
        "Configuration", "Accountability", "Interactions", "Factors", "Usability", "Metrics"]
    static let jobTypes = ["Supervisor", "Associate", "Executive", "Liaison", "Officer", "Manager", "Engineer",
        "Specialist", "Director", "Coordinator", "Administrator", "Architect", "Analyst", "Designer", "Planner",
        "Orchestrator", "Technician", "Developer", "Producer", "Consultant", "Assistant", "Facilitator", "Agent",
        "Representative", "Strategist"]

    static let cityPrefixes = ["North", "East", "West", "South", "New", "Lake", "Port", "Fort", "Mount", "Saint"]
    static let citySuffixes = ["town", "ton", "land", "ville", "berg", "burgh", "borough", "bury", "view", "port",
        "mouth", "stad", "furt", "chester", "fort", "haven", "side", "shire"]
    static let cities = ["Springfield", "Riverside", "Franklin", "Greenville", "Bristol", "Clinton", "Fairview",
        "Salem", "Madison", "Georgetown", "Arlington", "Ashland", "Dover", "Oxford", "Jackson", "Burlington",
        "Manchester", "Milton", "Newport", "Auburn"]
    static let counties = ["Avon", "Bedfordshire", "Cheshire", "Cornwall", "Cumbria", "Devon", "Dorset", "Durham",
        "Essex", "Gloucestershire", "Hampshire", "Kent", "Lancashire", "Norfolk", "Rutland", "Shropshire", "Somerset",
        "Suffolk", "Surrey", "Wiltshire"]
    static let states = ["Alabama", "Alaska", "Arizona", "California", "Colorado", "Delaware", "Florida", "Georgia",
        "Idaho", "Illinois", "Iowa", "Kansas", "Maine", "Michigan", "Montana", "Nevada", "New Hampshire", "New Mexico",
        "North Carolina", "Ohio", "Oregon", "Rhode Island", "Texas", "Utah", "Vermont", "Washington", "Wyoming"]
    static let streetSuffixes = ["Street", "Avenue", "Road", "Lane", "Drive", "Court", "Place", "Boulevard", "Way",
        "Terrace", "Parkway", "Circle", "Square", "Trail", "Crossing", "Ridge", "Heights", "Gardens"]
    static let countries: [(name: String, code: String)] = [("Afghanistan", "AF"), ("Argentina", "AR"),
        ("Australia", "AU"), ("Austria", "AT"), ("Belgium", "BE"), ("Brazil", "BR"), ("Canada", "CA"),
        ("Chile", "CL"), ("China", "CN"), ("Colombia", "CO"), ("Denmark", "DK"), ("Egypt", "EG"), ("Finland", "FI"),
        ("France", "FR"), ("Germany", "DE"), ("Greece", "GR"), ("India", "IN"), ("Indonesia", "ID"),
        ("Ireland", "IE"), ("Italy", "IT"), ("Japan", "JP"), ("Kenya", "KE"), ("Mexico", "MX"),
        ("Netherlands", "NL"), ("New Zealand", "NZ"), ("Nigeria", "NG"), ("Norway", "NO"), ("Peru", "PE"),
        ("Poland", "PL"), ("Portugal", "PT"), ("South Africa", "ZA"), ("Spain", "ES"), ("Sweden", "SE"),
        ("Switzerland", "CH"), ("Thailand", "TH"), ("Turkey", "TR"), ("Ukraine", "UA"), ("United Kingdom", "GB"),
        ("United States of America", "US"), ("Vietnam", "VN")]

    static let colors = ["red", "orange", "yellow", "green", "blue", "indigo", "violet", "purple", "pink", "white",
        "black", "grey", "silver", "gold", "maroon", "olive", "lime", "teal", "navy", "cyan", "magenta", "orchid",
        "salmon", "tan", "turquoise", "plum", "sky blue", "mint green", "azure", "lavender"]
    static let departments = ["Books", "Movies", "Music", "Games", "Electronics", "Computers", "Home", "Garden",
        "Tools", "Grocery", "Health", "Beauty", "Toys", "Kids", "Baby", "Clothing", "Shoes", "Jewelery", "Sports",
        "Outdoors", "Automotive", "Industrial"]
    static let productAdjectives = ["Small", "Ergonomic", "Rustic", "Intelligent", "Gorgeous", "Incredible",
        "Fantastic", "Practical", "Sleek", "Awesome", "Generic", "Handcrafted", "Handmade", "Licensed", "Refined",
        "Unbranded", "Tasty"]
    static let productMaterials = ["Steel", "Wooden", "Concrete", "Plastic", "Cotton", "Granite", "Rubber", "Metal",
        "Soft", "Fresh", "Frozen"]
    static let products = ["Chair", "Car", "Computer", "Keyboard", "Mouse", "Bike", "Ball", "Gloves", "Pants",
        "Shirt", "Table", "Shoes", "Hat", "Towels", "Soap", "Tuna", "Chicken", "Fish", "Cheese", "Bacon", "Pizza",
        "Salad", "Sausages", "Chips"]

    static let companySuffixes = ["Inc", "and Sons", "LLC", "Group"]
    static let catchPhraseAdjectives = ["Adaptive", "Advanced", "Ameliorated", "Assimilated", "Automated",
        "Balanced", "Business-focused", "Centralized", "Cloned", "Compatible", "Configurable", "Cross-platform",
        "Customer-focused", "Decentralized", "Devolved", "Digitized", "Distributed", "Enhanced", "Ergonomic",
        "Exclusive", "Expanded", "Extended", "Face to face", "Focused", "Front-line", "Fully-configurable",
        "Grass-roots", "Horizontal", "Implemented", "Innovative", "Integrated", "Intuitive", "Inverse", "Managed",
        "Mandatory", "Monitored", "Multi-layered", "Networked", "Open-source", "Optimized", "Organic",
        "Persistent", "Proactive", "Profound", "Programmable", "Public-key", "Re-engineered", "Reactive",
        "Robust", "Seamless", "Secured", "Self-enabling", "Streamlined", "Switchable", "Synchronised",
        "Total", "Universal", "Upgradable", "User-centric", "Versatile", "Virtual", "Visionary"]
    static let catchPhraseDescriptors = ["24 hour", "24/7", "3rd generation", "4th generation", "5th generation",
        "6th generation", "actuating", "analyzing", "asymmetric", "asynchronous", "attitude-oriented",
        "bandwidth-monitored", "bi-directional", "bifurcated", "bottom-line", "clear-thinking", "client-driven",
        "client-server", "coherent", "cohesive", "composite", "content-based", "context-sensitive", "contextually-based",
        "dedicated", "demand-driven", "didactic", "directional", "discrete", "disintermediate", "dynamic",
        "eco-centric", "empowering", "encompassing", "executive", "explicit", "exuding", "fault-tolerant",
        "fresh-thinking", "full-range", "global", "heuristic", "high-level", "holistic", "homogeneous", "hybrid",
        "impactful", "incremental", "intangible", "interactive", "intermediate", "leading edge", "local",
        "logistical", "maximized", "methodical", "mission-critical", "mobile", "modular", "motivating",
        "multimedia", "multi-state", "multi-tasking", "national", "needs-based", "neutral", "next generation",
        "non-volatile", "object-oriented", "optimal", "optimizing", "radical", "real-time", "reciprocal",
        "regional", "responsive", "scalable", "secondary", "solution-oriented", "stable", "static", "systematic",
        "systemic", "system-worthy", "tangible", "tertiary", "transitional", "uniform", "upward-trending",
        "user-facing", "value-added", "web-enabled", "well-modulated", "zero administration", "zero defect",
        "zero tolerance"]
    static let catchPhraseNouns = ["ability", "access", "adapter", "algorithm", "alliance", "analyzer",
        "application", "approach", "architecture", "archive", "array", "attitude", "benchmark", "budgetary management",
        "capability", "capacity", "challenge", "circuit", "collaboration", "complexity", "concept", "conglomeration",
        "contingency", "core", "customer loyalty", "database", "data-warehouse", "definition", "emulation",
        "encoding", "encryption", "extranet", "firmware", "flexibility", "focus group", "forecast", "frame",
        "framework", "function", "functionalities", "groupware", "hardware", "help-desk", "hierarchy", "hub",
        "implementation", "info-mediaries", "infrastructure", "initiative", "installation", "instruction set",
        "interface", "internet solution", "intranet", "knowledge user", "leverage", "local area network", "matrices",
        "matrix", "methodology", "middleware", "migration", "model", "moderator", "monitoring", "moratorium",
        "neural-net", "open architecture", "orchestration", "paradigm", "parallelism", "policy", "portal",
        "pricing structure", "process improvement", "product", "productivity", "project", "projection", "protocol",
        "service-desk", "software", "solution", "standardization", "strategy", "structure", "success", "superstructure",
        "support", "synergy", "system engine", "task-force", "throughput", "time-frame", "toolset", "utilisation",
        "website", "workforce"]
    static let bsBuzz = ["implement", "utilize", "integrate", "streamline", "optimize", "evolve", "transform",
        "embrace", "enable", "orchestrate", "leverage", "reinvent", "aggregate", "architect", "enhance",
        "incentivize", "morph", "empower", "envisioneer", "monetize", "harness", "facilitate", "seize",
        "disintermediate", "synergize", "strategize", "deploy", "brand", "grow", "target", "syndicate",
        "synthesize", "deliver", "mesh", "incubate", "engage", "maximize", "benchmark", "expedite", "reintermediate",
        "whiteboard", "visualize", "repurpose", "innovate", "scale", "unleash", "drive", "extend", "engineer",
        "revolutionize", "generate", "exploit", "transition", "e-enable", "iterate", "cultivate", "matrix",
        "productize", "redefine", "recontextualize"]
    static let bsAdjectives = ["clicks-and-mortar", "value-added", "vertical", "proactive", "robust",
        "revolutionary", "scalable", "leading-edge", "innovative", "intuitive", "strategic", "e-business",
        "mission-critical", "sticky", "one-to-one", "24/7", "end-to-end", "global", "B2B", "B2C", "granular",
        "frictionless", "virtual", "viral", "dynamic", "24/365", "best-of-breed", "killer", "magnetic",
        "bleeding-edge", "web-enabled", "interactive", "dot-com", "sexy", "back-end", "real-time", "efficient",
        "front-end", "distributed", "seamless", "extensible", "turn-key", "world-class", "open-source",
        "cross-platform", "cross-media", "synergistic", "bricks-and-clicks", "out-of-the-box", "enterprise",
        "integrated", "impactful", "wireless", "transparent", "next-generation", "cutting-edge", "user-centric",
        "visionary", "customized", "ubiquitous", "plug-and-play", "collaborative", "compelling", "holistic", "rich"]
    static let bsNouns = ["synergies", "web-readiness", "paradigms", "markets", "partnerships", "infrastructures",
        "platforms", "initiatives", "channels", "eyeballs", "communities", "ROI", "solutions", "e-tailers",
        "e-services", "action-items", "portals", "niches", "technologies", "content", "vortals", "supply-chains",
        "convergence", "relationships", "architectures", "interfaces", "e-markets", "e-commerce", "systems",
        "bandwidth", "infomediaries", "models", "mindshare", "deliverables", "users", "schemas", "networks",
        "applications", "metrics", "e-business", "functionalities", "experiences", "web services", "methodologies"]

    static let databaseColumns = ["id", "title", "name", "email", "phone", "token", "group", "category", "password",
        "comment", "avatar", "status", "createdAt", "updatedAt"]
    static let databaseTypes = ["int", "varchar", "text", "date", "datetime", "tinyint", "time", "timestamp",
        "smallint", "mediumint", "bigint", "decimal", "float", "double", "real", "bit", "boolean", "serial",
        "blob", "binary", "enum", "set", "geometry", "point"]
    static let databaseCollations = ["utf8_unicode_ci", "utf8_general_ci", "utf8_bin", "ascii_bin", "ascii_general_ci",
        "cp1250_bin", "cp1250_general_ci"]
    static let databaseEngines = ["InnoDB", "MyISAM", "MEMORY", "CSV", "BLACKHOLE", "ARCHIVE"]

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"]
    static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    static let accountNames = ["Checking", "Savings", "Money Market", "Investment", "Home Loan", "Credit Card",
        "Auto Loan", "Personal Loan"]
    static let transactionTypes = ["deposit", "withdrawal", "payment", "invoice"]
    static let currencies: [(code: String, name: String, symbol: String)] = [("USD", "US Dollar", "$"),
        ("EUR", "Euro", "€"), ("GBP", "Pound Sterling", "£"), ("JPY", "Yen", "¥"), ("INR", "Indian Rupee", "₹"),
        ("CHF", "Swiss Franc", "CHF"), ("CAD", "Canadian Dollar", "$"), ("AUD", "Australian Dollar", "$"),
        ("CNY", "Yuan Renminbi", "¥"), ("SEK", "Swedish Krona", "kr"), ("NOK", "Norwegian Krone", "kr"),
        ("KRW", "Won", "₩"), ("BRL", "Brazilian Real", "R$"), ("RUB", "Russian Ruble", "руб"),
        ("PLN", "Zloty", "zł"), ("ZAR", "Rand", "R"), ("MXN", "Mexican Peso", "$"), ("NZD", "New Zealand Dollar", "$")]

    static let abbreviations = ["ADP", "AGP", "AI", "CSS", "EXE", "FTP", "GB", "HDD", "HTTP", "IB", "JBOD", "JSON",
        "PCI", "PNG", "RAM", "RSS", "SAS", "SCSI", "SDD", "SMS", "SMTP", "SQL", "SSL", "TCP", "THX", "USB", "XML", "XSS"]
    static let hackerAdjectives = ["auxiliary", "primary", "back-end", "digital", "open-source", "virtual",
        "cross-platform", "redundant", "online", "haptic", "multi-byte", "bluetooth", "wireless", "1080p",
        "neural", "optical", "solid state", "mobile"]
    static let hackerNouns = ["driver", "protocol", "bandwidth", "panel", "microchip", "program", "port", "card",
        "array", "interface", "system", "sensor", "firewall", "hard drive", "pixel", "alarm", "feed", "monitor",
        "application", "transmitter", "bus", "circuit", "capacitor", "matrix"]
    static let hackerVerbs = ["back up", "bypass", "hack", "override", "compress", "copy", "navigate", "index",
        "connect", "generate", "quantify", "calculate", "synthesize", "input", "transmit", "program", "reboot", "parse"]
    static let hackerIngVerbs = ["backing up", "bypassing", "hacking", "overriding", "compressing", "copying",
        "navigating", "indexing", "connecting", "generating", "quantifying", "calculating", "synthesizing",
        "transmitting", "programming", "parsing"]

    static let imageCategories = ["abstract", "animals", "business", "cats", "city", "food", "nightlife", "fashion",
        "people", "nature", "sports", "transport"]

    /// faker 5's English suffixes are these six only.
    static let domainSuffixes = ["com", "net", "org", "info", "biz", "name"]
    static let freeEmailDomains = ["gmail.com", "yahoo.com", "hotmail.com"]
    static let userAgents = [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/91.0.4472.124 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/14.1.1 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:89.0) Gecko/20100101 Firefox/89.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 14_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/14.0 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Windows NT 6.1; Trident/7.0; rv:11.0) like Gecko",
        "Mozilla/5.0 (Linux; Android 11; Pixel 5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/90.0.4430.91 Mobile Safari/537.36",
        "Opera/9.80 (Windows NT 6.0; U; en) Presto/2.12.388 Version/12.14",
    ]

    static var loremWords: [String] { LoremVocabulary.words }
    static let locales = ["af", "am", "ar", "az", "be", "bg", "bn", "bs", "ca", "cs", "cy", "da", "de", "el", "en",
        "eo", "es", "et", "eu", "fa", "fi", "fr", "ga", "gl", "gu", "he", "hi", "hr", "hu", "hy", "id", "is", "it",
        "ja", "ka", "kk", "km", "kn", "ko", "lt", "lv", "mk", "ml", "mn", "mr", "ms", "mt", "nb", "ne", "nl", "pa",
        "pl", "pt", "ro", "ru", "sk", "sl", "sq", "sr", "sv", "sw", "ta", "te", "th", "tr", "uk", "ur", "uz", "vi",
        "zh", "zu", "ast", "ceb", "fil", "haw"]
    static let directoryPaths = ["/Applications", "/bin", "/boot", "/dev", "/etc", "/etc/defaults", "/etc/mail",
        "/home", "/home/user", "/home/user/dir", "/lib", "/Library", "/media", "/mnt", "/opt", "/opt/bin",
        "/opt/lib", "/private", "/private/tmp", "/proc", "/root", "/sbin", "/srv", "/sys", "/System", "/tmp",
        "/Users", "/usr", "/usr/bin", "/usr/include", "/usr/lib", "/usr/local/bin", "/usr/local/src", "/usr/sbin",
        "/usr/share", "/var", "/var/log", "/var/mail", "/var/spool", "/var/tmp"]
    /// (MIME type, extension), common ones first.
    static let commonFiles: [(mime: String, ext: String)] = [("application/pdf", "pdf"), ("audio/mpeg", "mpga"),
        ("audio/wav", "wav"), ("image/png", "png"), ("image/jpeg", "jpeg"), ("image/gif", "gif"),
        ("video/mp4", "mp4"), ("video/mpeg", "mpeg"), ("text/html", "html")]
    static let otherFiles: [(mime: String, ext: String)] = [("application/json", "json"), ("application/xml", "xml"),
        ("application/zip", "zip"), ("application/gzip", "gz"), ("application/msword", "doc"),
        ("application/vnd.ms-excel", "xls"), ("text/csv", "csv"), ("text/plain", "txt"), ("text/css", "css"),
        ("application/javascript", "js"), ("image/svg+xml", "svg"), ("image/webp", "webp"), ("font/woff2", "woff2"),
        ("audio/ogg", "oga"), ("video/webm", "webm"), ("application/x-tar", "tar"), ("image/tiff", "tiff"),
        ("application/vnd.oasis.opendocument.text", "odt"), ("application/epub+zip", "epub"), ("model/gltf+json", "gltf")]
    static let commonFileTypes = ["video", "audio", "image", "text", "application"]
    static let fileTypes = ["application", "audio", "chemical", "font", "image", "message", "model", "multipart",
        "text", "video", "x-conference", "x-shader"]
}
