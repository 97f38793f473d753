/// The names the demo school draws from: given names of learners and of adults
/// (parents, carers, staff) and family names, each list ordered roughly from
/// most to least common in Scotland so that a front-weighted draw looks real.
///
/// Every name is stored once in `parts`; people keep indices into it.
struct NameBook: Sendable {
  /// Every name, given and family, in one table.
  let parts: [NamePart]
  let girls: [Int32]
  let boys: [Int32]
  /// Names that suit any gender, for learners recorded as X.
  let either: [Int32]
  let women: [Int32]
  let men: [Int32]
  let families: [Int32]

  /// The book built from the lists below.
  static let shared = NameBook()

  private init() {
    var parts: [NamePart] = []
    var known: [String: Int32] = [:]
    func indices(_ names: [String]) -> [Int32] {
      names.map { name in
        if let index = known[name] { return index }
        let index = Int32(parts.count)
        parts.append(NamePart(name))
        known[name] = index
        return index
      }
    }
    girls = indices(NameBook.girlNames)
    boys = indices(NameBook.boyNames)
    either = indices(NameBook.eitherNames)
    women = indices(NameBook.womanNames)
    men = indices(NameBook.manNames)
    families = indices(NameBook.familyNames)
    self.parts = parts
  }

  /// The index of `name` in `parts`; the name must be in one of the lists.
  func index(of name: String) -> Int32 {
    guard let index = parts.firstIndex(where: { $0.text == name }) else {
      preconditionFailure("\(name) is not in the name book")
    }
    return Int32(index)
  }

  private static let girlNames = [
    "Olivia", "Emily", "Sophie", "Isla", "Ava", "Lucy", "Jessica", "Amelia", "Ellie",
    "Grace", "Freya", "Emma", "Chloe", "Lily", "Eilidh", "Millie", "Erin", "Hannah",
    "Mia", "Katie", "Anna", "Holly", "Ruby", "Sarah", "Rebecca", "Niamh", "Megan",
    "Abbie", "Caitlin", "Leah", "Rachel", "Lauren", "Amy", "Zoë", "Orla", "Aoife",
    "Kirsty", "Skye", "Iona", "Mhairi", "Catriona", "Morven", "Ciara", "Róisín",
    "Chloë", "Zuzanna", "Maja", "Julia", "Aisha", "Fatima", "Amira", "Zara", "Hiba",
    "Esmé", "Niamh-Rose", "Layla", "Poppy", "Georgia", "Rosie", "Evie",
  ]

  private static let boyNames = [
    "Jack", "Lewis", "James", "Logan", "Daniel", "Ryan", "Aaron", "Oliver", "Liam",
    "Jamie", "Ethan", "Alexander", "Cameron", "Finlay", "Kyle", "Adam", "Harry",
    "Matthew", "Callum", "Lucas", "Nathan", "Aiden", "Dylan", "Max", "Rory", "Thomas",
    "Noah", "Kai", "Leo", "Ben", "Connor", "Fraser", "Ross", "Euan", "Calum",
    "Ruairidh", "Seán", "Ciarán", "Jakub", "Szymon", "Mohammed", "Yusuf", "Ibrahim",
    "Hamza", "Archie", "Murray", "Struan", "Angus", "Tomás", "Mikołaj", "Oskar",
    "Arjun", "Kacper", "Reuben", "Jay-Jay", "Innes", "Lachlan", "Brodie",
  ]

  private static let eitherNames = [
    "Alex", "Jordan", "Robin", "Sam", "Charlie", "Riley", "Morgan", "Rowan", "Quinn",
    "Eden", "Ashley", "Jamie", "Kit", "Sasha",
  ]

  private static let womanNames = [
    "Fiona", "Karen", "Lorraine", "Gillian", "Claire", "Susan", "Alison", "Elaine",
    "Heather", "Louise", "Nicola", "Lynsey", "Gemma", "Kirsty", "Joanne", "Shona",
    "Morag", "Catherine", "Jennifer", "Deborah", "Laura", "Ruth", "Angela", "Lisa",
    "Michelle", "Donna", "Pamela", "Carol", "Tracy", "Yvonne", "Ailsa", "Eilidh",
    "Marie", "Agnieszka", "Katarzyna", "Nadia", "Samina", "Siobhán", "Aileen",
    "Rhona", "Julie", "Hazel", "Linda", "Mairi", "Amanda", "Sinéad",
  ]

  private static let manNames = [
    "David", "John", "Andrew", "Stuart", "Graeme", "Colin", "Neil", "Scott", "Craig",
    "Gordon", "Iain", "Alan", "Kenneth", "Martin", "Paul", "Mark", "Steven", "Gary",
    "Derek", "Ross", "Euan", "Calum", "Grant", "Michael", "Brian", "Douglas",
    "Alasdair", "Robert", "William", "Jamie", "Christopher", "Kevin", "Barry",
    "Tomasz", "Piotr", "Imran", "Tariq", "Raj", "Donald", "Hamish", "Fergus",
    "Ewan", "Peter", "Richard", "Declan",
  ]

  private static let familyNames = [
    "Smith", "Brown", "Wilson", "Campbell", "Stewart", "Thomson", "Robertson",
    "Anderson", "Macdonald", "Scott", "Reid", "Murray", "Taylor", "Clark", "Ross",
    "Watson", "Morrison", "Paterson", "Young", "Mitchell", "Walker", "Fraser",
    "Miller", "McDonald", "Gray", "Henderson", "Hamilton", "Johnston", "Duncan",
    "Graham", "Ferguson", "Kerr", "Davidson", "Bell", "Cameron", "Kelly", "Martin",
    "Hunter", "Allan", "Grant", "Mackenzie", "Simpson", "Black", "MacLeod", "McLean",
    "Russell", "Gibson", "Wallace", "Gordon", "Marshall", "Stevenson", "Wood",
    "Sutherland", "Craig", "Wright", "McKenzie", "Kennedy", "Jones", "Burns", "White",
    "Muir", "Murphy", "Johnstone", "Hughes", "Watt", "McMillan", "McIntosh", "Milne",
    "Munro", "Ritchie", "Dickson", "Bruce", "King", "Crawford", "Docherty", "Millar",
    "Cunningham", "Sinclair", "Williamson", "Hill", "McGregor", "McKay", "Boyle",
    "Shaw", "Fleming", "Moore", "Christie", "Douglas", "Donaldson", "Alexander",
    "Forbes", "McIntyre", "Findlay", "Jamieson", "Aitken", "Reilly", "Thompson",
    "Hay", "Lindsay", "Rae", "O'Neill", "O'Donnell", "Quinn", "Gallacher", "Doherty",
    "McLaughlin", "O'Brien", "O'Connor", "D'Arcy", "MacDonald-Smith", "Stewart-Brown",
    "Khan", "Ahmed", "Ali", "Hussain", "Iqbal", "Singh", "Kaur", "Patel", "Chen",
    "Wang", "Nguyen", "Okafor", "Adeyemi", "Mensah", "Nowak", "Kowalski", "Wójcik",
    "Wiśniewska", "Kamiński", "Lewandowski", "Zieliński", "Rossi", "Costa", "Müller",
    "MacNeil", "MacKinnon", "MacAulay", "MacInnes", "Ó Briain", "Mac an t-Saoir",
  ]
}
