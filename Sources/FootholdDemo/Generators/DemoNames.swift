/// The words the demo organisation is made of. All fictional.
enum DemoNames {
    static let organisation = "Ridgeway"
    static let peopleDomain = "People and Culture"

    struct Domain: Sendable, Equatable {
        var name: String
        var divisions: [String]
        var roles: [String]
    }

    static let domains: [Domain] = [
        Domain(
            name: "Housing",
            divisions: [
                "Tenancy Services", "Homelessness Prevention", "Repairs and Maintenance", "Housing Strategy", "Private Sector Housing",
            ],
            roles: ["Housing Officer", "Tenancy Adviser", "Building Surveyor", "Lettings Officer", "Repairs Planner", "Housing Caseworker"]),
        Domain(
            name: "Adult Social Care",
            divisions: ["Assessment and Review", "Safeguarding Adults", "Reablement", "Commissioning", "Learning Disabilities"],
            roles: [
                "Social Worker", "Occupational Therapist", "Care Coordinator", "Reablement Officer", "Safeguarding Adviser",
                "Commissioning Officer",
            ]),
        Domain(
            name: "Children and Families",
            divisions: ["Early Help", "Fostering and Adoption", "Education Services", "Youth Services", "Children in Care"],
            roles: [
                "Family Support Worker", "Children's Social Worker", "Education Welfare Officer", "Youth Worker", "Fostering Adviser",
                "Early Years Officer",
            ]),
        Domain(
            name: "Environment",
            divisions: ["Waste and Recycling", "Parks and Open Spaces", "Climate Action", "Environmental Health", "Flood Resilience"],
            roles: [
                "Environmental Health Officer", "Waste Services Officer", "Ranger", "Sustainability Officer", "Ecologist",
                "Flood Risk Officer",
            ]),
        Domain(
            name: "Finance",
            divisions: ["Financial Planning", "Revenues and Benefits", "Procurement", "Audit and Risk", "Pensions"],
            roles: [
                "Accountant", "Finance Business Partner", "Benefits Assessor", "Procurement Officer", "Internal Auditor",
                "Payments Officer",
            ]),
        Domain(
            name: "Digital and Data",
            divisions: ["Digital Services", "Data and Insight", "Technology Operations", "Information Governance", "Cyber Security"],
            roles: [
                "Software Developer", "Data Analyst", "User Researcher", "Service Designer", "Infrastructure Engineer", "Product Manager",
            ]),
        Domain(
            name: peopleDomain,
            divisions: ["HR Advisory", "Learning and Development", "Recruitment", "Pay and Reward", "Organisational Development"],
            roles: [
                "HR Adviser", "Learning and Development Officer", "Recruitment Officer", "Payroll Officer", "Wellbeing Lead",
                "HR Administrator",
            ]),
        Domain(
            name: "Planning and Regeneration",
            divisions: ["Development Management", "Planning Policy", "Economic Development", "Building Control", "Heritage"],
            roles: [
                "Planning Officer", "Planning Policy Officer", "Regeneration Officer", "Building Control Surveyor", "Conservation Officer",
                "Economic Development Officer",
            ]),
        Domain(
            name: "Highways and Transport",
            divisions: ["Highways Maintenance", "Transport Planning", "Parking Services", "Road Safety", "Passenger Transport"],
            roles: [
                "Highways Engineer", "Transport Planner", "Parking Officer", "Road Safety Officer", "Traffic Engineer",
                "Streetworks Inspector",
            ]),
        Domain(
            name: "Public Health",
            divisions: [
                "Health Improvement", "Health Protection", "Public Health Intelligence", "Healthy Places", "Drug and Alcohol Services",
            ],
            roles: [
                "Public Health Practitioner", "Health Improvement Officer", "Epidemiologist", "Public Health Analyst",
                "Commissioning Manager", "Health Visitor",
            ]),
        Domain(
            name: "Legal and Governance",
            divisions: ["Legal Services", "Democratic Services", "Elections", "Information Rights", "Coroner's Office"],
            roles: [
                "Solicitor", "Paralegal", "Democratic Services Officer", "Elections Officer", "Information Rights Officer",
                "Legal Assistant",
            ]),
        Domain(
            name: "Customer Services",
            divisions: ["Contact Centre", "Libraries", "Registration Services", "Complaints and Feedback", "Community Hubs"],
            roles: [
                "Customer Adviser", "Library Assistant", "Registrar", "Complaints Officer", "Community Hub Officer",
                "Customer Experience Analyst",
            ]),
    ]

    static let sections = [
        "Casework", "Assessment", "Intake", "Programmes", "Partnerships", "Quality", "Operations", "Projects", "Support", "Outreach",
        "Policy", "Delivery",
    ]
    static let areas = ["North", "South", "East", "West", "Central", "Coastal", "Valley", "Uplands"]

    static let firstNames = [
        "Amara", "Ben", "Chloe", "Daniel", "Eleanor", "Farhan", "Grace", "Harry", "Imogen", "Jamal", "Kate", "Liam",
        "Maya", "Nathan", "Olivia", "Priya", "Quentin", "Rosie", "Samuel", "Tara", "Umar", "Victoria", "William", "Yasmin",
        "Zoe", "Aisha", "Callum", "Deborah", "Ewan", "Fiona", "Gareth", "Hannah", "Isaac", "Joanna", "Kwame", "Laura",
        "Mohammed", "Niamh", "Owen", "Patricia", "Rhys", "Sophie", "Tomasz", "Ursula", "Vikram", "Wendy", "Xavier", "Yusuf",
        "Adaeze", "Bethan", "Ciaran", "Dilnoza", "Emeka", "Freya", "Gwen", "Hamza", "Ines", "Jack", "Kiran", "Lucy",
        "Mei", "Neil", "Oluwaseun", "Pippa", "Rajesh", "Siobhan", "Thomas", "Uzma", "Vanessa", "Wei", "Anil", "Bronwen",
        "Catherine", "Dev", "Efua", "Finn", "Georgia", "Hugo", "Isla", "Jasmine", "Kofi", "Leila", "Marcus", "Nadia",
        "Oscar", "Poppy", "Ruth", "Sanjay", "Tess", "Aleksandra", "Bilal", "Carys", "Dominic", "Erin", "Femi", "Gemma",
        "Hassan", "Iona", "James", "Katarzyna", "Lewis", "Martha", "Nkechi", "Omar", "Paul", "Rebecca", "Sean", "Tanvir",
        "Alice", "Bogdan", "Charlotte", "Darren", "Elif", "Frances", "Graham", "Helen", "Ivan", "Julia", "Khadija", "Luke",
        "Morag", "Naveed", "Orla", "Peter", "Ramona", "Stuart", "Thandiwe", "Alex", "Bea", "Chidi", "Duncan", "Esther",
    ]

    static let lastNames = [
        "Okafor", "Smith", "Patel", "Jones", "Williams", "Khan", "Brown", "Taylor", "Davies", "Evans", "Wilson", "Thomas",
        "Roberts", "Johnson", "Lewis", "Walker", "Robinson", "Wood", "Thompson", "White", "Hughes", "Edwards", "Green", "Hall",
        "Ahmed", "Begum", "Hussain", "Singh", "Kaur", "Shah", "Ali", "Nowak", "Kowalski", "Murphy", "O'Brien", "Kelly",
        "Campbell", "Stewart", "MacDonald", "Fraser", "Morgan", "Price", "Jenkins", "Lloyd", "Adeyemi", "Mensah", "Osei", "Nguyen",
        "Chen", "Wong", "Li", "Santos", "Silva", "Rossi", "Müller", "Novak", "Costa", "Fernandes", "Clarke", "Turner",
        "Parker", "Cooper", "Harris", "Martin", "Jackson", "Young", "Allen", "King", "Wright", "Scott", "Baker", "Adams",
        "Mitchell", "Phillips", "Bell", "Ward", "Watson", "Morris", "Bailey", "Chapman", "Dixon", "Ellis", "Fletcher", "Gray",
        "Hunt", "Kennedy", "Lawrence", "Marshall", "Owen", "Palmer", "Reid", "Simpson", "Webb", "Yilmaz", "Demir", "Ivanova",
        "Mahmood", "Rahman", "Iqbal", "Chowdhury", "Abubakar", "Eze", "Boateng", "Asante", "Gallagher", "Doyle", "Quinn", "Byrne",
    ]
}
