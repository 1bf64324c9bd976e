/** Word lists the seed draws from. */
export const COMPANY_STEMS = [
  "Harbor", "Copper", "Juniper", "Northwind", "Bluebird", "Granite", "Maple", "Lantern", "Orchid", "Summit",
  "Riverbend", "Foxglove", "Ironwood", "Saffron", "Meridian", "Pinecrest", "Tidewater", "Aurora", "Kestrel", "Willow",
  "Cobalt", "Driftwood", "Evergreen", "Falcon", "Hawthorn", "Larkspur", "Marigold", "Oakridge", "Quartz", "Sparrow",
  "Thistle", "Vesper", "Wren", "Yarrow", "Zephyr", "Alder", "Birch", "Cedar",
] as const;
export const COMPANY_KINDS = ["Studio", "Bakery", "Dental", "Coffee Co.", "Architects", "Outfitters", "Labs", "Fitness", "Books", "Legal", "Realty", "Brewing"] as const;
export const FIRST_NAMES = ["Ava", "Ben", "Chloe", "Diego", "Elena", "Farah", "Gus", "Hana", "Ivan", "Jade", "Kofi", "Lena", "Mateo", "Nina", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tomas"] as const;
export const LAST_NAMES = ["Alvarez", "Brooks", "Chen", "Dubois", "Eriksen", "Fischer", "Garcia", "Hughes", "Ito", "Jensen", "Kowalski", "Lopez", "Moreau", "Nakamura", "Okafor", "Patel", "Rossi", "Silva"] as const;
export const CITIES = [["Portland", "OR", "97201"], ["Austin", "TX", "78701"], ["Denver", "CO", "80202"], ["Madison", "WI", "53703"], ["Asheville", "NC", "28801"], ["Boise", "ID", "83702"]] as const;
export const SERVICES = [
  ["Website design", 1800, 6500], ["Logo and identity", 900, 3200], ["Monthly retainer", 1200, 2400], ["SEO audit", 450, 1200],
  ["Content writing", 150, 600], ["Photography session", 350, 1100], ["Hosting (annual)", 120, 360], ["Consulting hours", 95, 150],
  ["Landing page", 600, 1800], ["Email campaign setup", 300, 900], ["Maintenance plan", 80, 250], ["Print design", 200, 800],
] as const;
export const PROJECT_KINDS = ["Website rebuild", "Brand refresh", "Online store", "Marketing site", "Booking app", "Newsletter program"] as const;
export const TASK_TITLES = ["Kickoff call", "Wireframes", "Design review", "Copy first draft", "Build templates", "QA pass", "Launch checklist", "Client training", "Analytics setup", "Asset handoff"] as const;
export const HOUR_TITLES = ["Design", "Development", "Meetings", "Revisions", "Copywriting", "Project management", "Testing"] as const;
export const EXPENSE_KINDS = [["Stock photos", 15, 120], ["Software subscription", 10, 80], ["Fonts license", 30, 200], ["Printing", 40, 400], ["Travel", 25, 350], ["Domain renewal", 12, 40], ["Coworking day pass", 20, 45]] as const;
export const STAFF = [["Morgan Reyes", "Owner"], ["Jordan Blake", "Designer"], ["Casey Lin", "Developer"], ["Riley Shaw", "Copywriter"]] as const;
