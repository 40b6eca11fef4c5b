// Name lists for the synthetic council: common first names and surnames across the heritages of
// English children in care, with the spelling variants that tolerant search has to find
// (Jayden/Jaden, Mohammed/Muhammad, Smith/Smyth, Clark/Clarke, O'Brien). Combined at random, so any
// resemblance to a real person is chance; the council name and README say the data is synthetic.

export type Heritage =
  | 'white-british' | 'white-irish' | 'white-european' | 'traveller' | 'caribbean' | 'african'
  | 'east-african' | 'pakistani-bangladeshi' | 'indian' | 'chinese' | 'middle-eastern';

interface NameSet { boys: string[]; girls: string[]; surnames: string[]; adultsMale?: string[]; adultsFemale?: string[] }

const BRITISH_BOYS = [
  'Oliver', 'Harry', 'Jack', 'Charlie', 'George', 'Jacob', 'Thomas', 'Noah', 'Alfie', 'Oscar', 'James', 'William',
  'Leo', 'Freddie', 'Archie', 'Joshua', 'Logan', 'Riley', 'Tyler', 'Mason', 'Kai', 'Ethan', 'Lewis', 'Louis',
  'Jayden', 'Jaden', 'Jaiden', 'Kayden', 'Caiden', 'Callum', 'Connor', 'Conor', 'Reece', 'Rhys', 'Reese', 'Liam',
  'Dylan', 'Kian', 'Keiran', 'Kieran', 'Bailey', 'Brandon', 'Tommy', 'Alfie-Jay', 'Ryan', 'Lucas', 'Max', 'Harley',
  'Jake', 'Corey', 'Kyle', 'Ben', 'Sam', 'Finley', 'Finlay', 'Theo', 'Teddy', 'Ronnie', 'Stanley', 'Jenson',
];
const BRITISH_GIRLS = [
  'Olivia', 'Amelia', 'Isla', 'Ava', 'Mia', 'Emily', 'Isabella', 'Isabelle', 'Isabel', 'Isobel', 'Sophie', 'Sophia',
  'Sofia', 'Grace', 'Lily', 'Lilly', 'Ella', 'Poppy', 'Freya', 'Chloe', 'Evie', 'Ruby', 'Jessica', 'Megan',
  'Leah', 'Lea', 'Lacey', 'Lacie', 'Kayla', 'Caitlin', 'Katie', 'Courtney', 'Shannon', 'Paige', 'Amber', 'Jade',
  'Macy', 'Maisie', 'Darcie', 'Darcey', 'Summer', 'Skye', 'Millie', 'Lexi', 'Lexie', 'Madison', 'Holly', 'Erin',
  'Mackenzie', 'McKenzie', 'Layla', 'Leila', 'Aaliyah', 'Aliyah', 'Harper', 'Willow', 'Rosie', 'Ellie-Mae', 'Tia',
];
const BRITISH_MEN = [
  'David', 'Paul', 'Mark', 'Daniel', 'Andrew', 'Christopher', 'Stephen', 'Steven', 'Michael', 'Lee', 'Craig', 'Darren',
  'Jason', 'Wayne', 'Dean', 'Gary', 'Scott', 'Carl', 'Richard', 'Matthew', 'Jamie', 'Ashley', 'Shane', 'Gavin',
  'Kevin', 'Anthony', 'Adam', 'Luke', 'Aaron', 'Nathan', 'Robert', 'John', 'Peter', 'Ian', 'Neil', 'Martin',
];
const BRITISH_WOMEN = [
  'Sarah', 'Emma', 'Laura', 'Rebecca', 'Gemma', 'Claire', 'Kelly', 'Stacey', 'Lisa', 'Michelle', 'Nicola', 'Donna',
  'Samantha', 'Charlotte', 'Hannah', 'Amy', 'Danielle', 'Leanne', 'Kerry', 'Natalie', 'Jodie', 'Jade', 'Kirsty', 'Katie',
  'Catherine', 'Katherine', 'Kathryn', 'Louise', 'Victoria', 'Zoe', 'Jennifer', 'Tracey', 'Tracy', 'Joanne', 'Sharon', 'Julie',
];
const BRITISH_SURNAMES = [
  'Smith', 'Smyth', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Davis', 'Evans', 'Wilson', 'Thomas', 'Johnson',
  'Roberts', 'Robinson', 'Thompson', 'Thomson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall', 'Lewis',
  'Harris', 'Clarke', 'Clark', 'Patel', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward', 'Morris',
  'Moore', 'Clayton', 'Lee', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen', 'James', 'Scott', 'Phillips', 'Philips',
  'Watson', 'Davidson', 'Parker', 'Price', 'Bennett', 'Young', 'Griffiths', 'Mitchell', 'Kelly', 'Cook', 'Carter', 'Richardson',
  'Bailey', 'Collins', 'Bell', 'Shaw', 'Murphy', 'Miller', 'Cox', 'Richards', 'Khan', 'Marshall', 'Anderson', 'Simpson',
  'Ellis', 'Adams', 'Singh', 'Begum', 'Wilkinson', 'Foster', 'Chapman', 'Powell', 'Webb', 'Rogers', 'Gray', 'Grey',
  'Mason', 'McDonald', 'Macdonald', 'Hunt', 'Holmes', 'Mills', 'Palmer', 'Knight', 'Lloyd', 'Butler', 'Russell', 'Barker',
  'Fisher', 'Stevens', 'Stephens', 'Jenkins', 'Dixon', 'Fletcher', 'Pearson', 'Hart', 'Smith-Jones', 'Taylor-Brown',
];

const SETS: Record<Heritage, NameSet> = {
  'white-british': { boys: BRITISH_BOYS, girls: BRITISH_GIRLS, surnames: BRITISH_SURNAMES, adultsMale: BRITISH_MEN, adultsFemale: BRITISH_WOMEN },
  'white-irish': {
    boys: ['Conor', 'Connor', 'Sean', 'Shaun', 'Cian', 'Oisin', 'Patrick', 'Darragh', 'Liam', 'Ronan', 'Eoin', 'Cillian'],
    girls: ['Aoife', 'Ciara', 'Niamh', 'Siobhan', 'Saoirse', 'Roisin', 'Caoimhe', 'Orla', 'Sinead', 'Grainne', 'Erin'],
    surnames: ["O'Brien", 'OBrien', "O'Connor", "O'Neill", 'Murphy', 'Kelly', 'Walsh', 'Byrne', 'Ryan', 'Doyle', 'McCarthy', 'Gallagher', 'Doherty', 'Kennedy', 'Quinn'],
    adultsMale: ['Declan', 'Brendan', 'Kieran', 'Padraig', 'Colm', 'Niall', 'Gerard', 'Fergal'],
    adultsFemale: ['Mairead', 'Bernadette', 'Deirdre', 'Siobhan', 'Aisling', 'Fiona', 'Nuala'],
  },
  'white-european': {
    boys: ['Jakub', 'Kacper', 'Szymon', 'Filip', 'Mateusz', 'Andrei', 'Luca', 'Tomas', 'Lukas', 'Matei', 'Nikola', 'Artur'],
    girls: ['Zuzanna', 'Julia', 'Maja', 'Amelia', 'Natalia', 'Ioana', 'Maria', 'Elena', 'Gabriela', 'Laura', 'Emilija', 'Oliwia'],
    surnames: ['Nowak', 'Kowalski', 'Kowalska', 'Wisniewski', 'Popescu', 'Ionescu', 'Kazlauskas', 'Silva', 'Santos', 'Ferreira', 'Horvath', 'Novak', 'Petrov', 'Dumitru'],
    adultsMale: ['Piotr', 'Marcin', 'Tomasz', 'Krzysztof', 'Ion', 'Mihai', 'Darius', 'Joao', 'Andrzej'],
    adultsFemale: ['Anna', 'Katarzyna', 'Agnieszka', 'Monika', 'Elena', 'Cristina', 'Ana', 'Rasa', 'Magdalena'],
  },
  traveller: {
    boys: ['Tommy', 'Johnny', 'Levi', 'Jimmy', 'Billy', 'Henry', 'Patrick', 'Martin', 'Michael', 'Paddy'],
    girls: ['Mary', 'Bridget', 'Kathleen', 'Margaret', 'Tracey', 'Shania', 'Nora', 'Ellie', 'Roseanne'],
    surnames: ['Lee', 'Smith', 'Price', 'Boswell', 'Lovell', 'Doherty', 'McDonagh', 'Ward', 'Stokes', 'Joyce', 'Maughan', 'Cash'],
  },
  caribbean: {
    boys: ['Tyrone', 'Jermaine', 'Kyron', 'Malik', 'Marcus', 'Andre', 'Devon', 'Jamal', 'Kemar', 'Jaden', 'Jayden', 'Nathaniel', 'Elijah', 'Isaiah'],
    girls: ['Aaliyah', 'Aliyah', 'Shanice', 'Tia', 'Kiara', 'Jada', 'Jayda', 'Nia', 'Imani', 'Tiana', 'Chantelle', 'Keisha', 'Amara'],
    surnames: ['Campbell', 'Brown', 'Williams', 'Johnson', 'Francis', 'Thomas', 'Grant', 'Reid', 'Morgan', 'Gordon', 'Clarke', 'Henry', 'Bailey', 'Lewis', 'Spencer', 'Stewart'],
    adultsMale: ['Winston', 'Delroy', 'Leroy', 'Clive', 'Errol', 'Trevor', 'Dwayne', 'Marlon'],
    adultsFemale: ['Marcia', 'Sonia', 'Paulette', 'Simone', 'Natasha', 'Yvonne', 'Sharon', 'Janice'],
  },
  african: {
    boys: ['David', 'Daniel', 'Emmanuel', 'Samuel', 'Joshua', 'Tobi', 'Tobias', 'Chidi', 'Kwame', 'Kofi', 'Femi', 'Tunde', 'Ayo', 'Divine'],
    girls: ['Blessing', 'Precious', 'Favour', 'Grace', 'Esther', 'Adaeze', 'Chioma', 'Amara', 'Abena', 'Ama', 'Temi', 'Zainab', 'Ruth'],
    surnames: ['Okafor', 'Adeyemi', 'Adebayo', 'Okonkwo', 'Mensah', 'Boateng', 'Owusu', 'Asante', 'Oluwaseun', 'Nwosu', 'Eze', 'Bello', 'Ogunleye', 'Osei'],
    adultsMale: ['Chinedu', 'Olumide', 'Kwabena', 'Yaw', 'Babatunde', 'Ifeanyi', 'Segun', 'Kofi'],
    adultsFemale: ['Ngozi', 'Funmilayo', 'Abimbola', 'Akosua', 'Adwoa', 'Folake', 'Nkechi', 'Yetunde'],
  },
  'east-african': {
    boys: ['Mohamed', 'Mohammed', 'Abdi', 'Abdirahman', 'Yonas', 'Dawit', 'Filmon', 'Tesfay', 'Ahmed', 'Hassan', 'Abdullahi'],
    girls: ['Hodan', 'Amina', 'Fadumo', 'Hibo', 'Ayan', 'Selam', 'Helen', 'Saba', 'Ifrah', 'Nasra'],
    surnames: ['Ali', 'Farah', 'Hassan', 'Abdi', 'Mohamed', 'Osman', 'Gebremedhin', 'Tesfamariam', 'Haile', 'Yusuf', 'Warsame', 'Ahmed'],
  },
  'pakistani-bangladeshi': {
    boys: ['Muhammad', 'Mohammed', 'Mohammad', 'Ibrahim', 'Yusuf', 'Yousef', 'Zain', 'Zayn', 'Hamza', 'Ayaan', 'Rayyan', 'Bilal', 'Imran', 'Adam', 'Ali', 'Umar', 'Omar'],
    girls: ['Aisha', 'Ayesha', 'Fatima', 'Fatimah', 'Maryam', 'Mariam', 'Zara', 'Zahra', 'Hafsa', 'Amira', 'Inaya', 'Sana', 'Safa', 'Hana', 'Nadia'],
    surnames: ['Khan', 'Hussain', 'Hussein', 'Ahmed', 'Ahmad', 'Ali', 'Begum', 'Rahman', 'Islam', 'Akhtar', 'Iqbal', 'Mahmood', 'Shah', 'Malik', 'Uddin', 'Miah', 'Chowdhury', 'Bibi'],
    adultsMale: ['Tariq', 'Asif', 'Shahid', 'Naveed', 'Javed', 'Abdul', 'Mohammed', 'Shafiq', 'Rashid'],
    adultsFemale: ['Nasreen', 'Shazia', 'Rubina', 'Farzana', 'Samina', 'Shabana', 'Rukhsana', 'Yasmin', 'Nazia'],
  },
  indian: {
    boys: ['Arjun', 'Aarav', 'Rohan', 'Dev', 'Krish', 'Vihaan', 'Harpreet', 'Gurpreet', 'Jaskaran', 'Rahul', 'Nikhil', 'Aryan'],
    girls: ['Priya', 'Anika', 'Diya', 'Simran', 'Jasleen', 'Navneet', 'Riya', 'Kavya', 'Isha', 'Sanjana', 'Meera'],
    surnames: ['Patel', 'Sharma', 'Singh', 'Kaur', 'Gill', 'Sandhu', 'Mistry', 'Shah', 'Kumar', 'Chauhan', 'Parmar', 'Johal', 'Dhillon'],
    adultsMale: ['Rajesh', 'Sanjay', 'Vijay', 'Amrik', 'Sukhwinder', 'Mukesh', 'Deepak', 'Manjit'],
    adultsFemale: ['Sunita', 'Anita', 'Rajinder', 'Harjit', 'Kamaljit', 'Neeta', 'Pooja', 'Geeta'],
  },
  chinese: {
    boys: ['Wei', 'Jun', 'Hao', 'Ryan', 'Kevin', 'Jason', 'Ethan', 'Leo', 'Yuxuan', 'Zihan'],
    girls: ['Mei', 'Lin', 'Xinyi', 'Jia', 'Chloe', 'Amy', 'Grace', 'Yan', 'Ying', 'Hui'],
    surnames: ['Wang', 'Li', 'Lee', 'Zhang', 'Chen', 'Chan', 'Liu', 'Lau', 'Wong', 'Huang', 'Lin', 'Ng', 'Cheung'],
  },
  'middle-eastern': {
    boys: ['Ahmad', 'Ahmed', 'Omar', 'Karim', 'Rami', 'Hussein', 'Ali', 'Mustafa', 'Hamid', 'Samir', 'Sina', 'Reza', 'Jawad', 'Farhad', 'Soran'],
    girls: ['Layla', 'Leila', 'Noor', 'Nour', 'Yasmin', 'Yasmine', 'Rana', 'Dilan', 'Zainab', 'Shirin', 'Parisa', 'Hiba'],
    surnames: ['Ahmadi', 'Hosseini', 'Mohammadi', 'Rahimi', 'Karimi', 'Haidari', 'Qadiri', 'Abdullah', 'Hassan', 'Mahmoud', 'Saleh', 'Aziz', 'Rashid', 'Kareem'],
  },
};

export function nameSet(h: Heritage): NameSet {
  return SETS[h];
}

/** Ethnicity code (DfE) to the heritage whose names a family uses. Mixed families draw on two. */
export function heritageFor(ethnicity: string): Heritage[] {
  switch (ethnicity) {
    case 'WIRI': return ['white-irish'];
    case 'WIRT': case 'WROM': return ['traveller'];
    case 'WOTH': return ['white-european'];
    case 'MWBC': return ['white-british', 'caribbean'];
    case 'MWBA': return ['white-british', 'african'];
    case 'MWAS': return ['white-british', 'pakistani-bangladeshi'];
    case 'MOTH': return ['white-british', 'middle-eastern'];
    case 'AIND': return ['indian'];
    case 'APKN': case 'ABAN': return ['pakistani-bangladeshi'];
    case 'AOTH': return ['middle-eastern'];
    case 'BCRB': return ['caribbean'];
    case 'BAFR': return ['african'];
    case 'BOTH': return ['east-african'];
    case 'CHNE': return ['chinese'];
    case 'OOTH': return ['middle-eastern'];
    default: return ['white-british'];
  }
}

/**
 * Ethnicity of children known to the council, at the national children-looked-after mix
 * (national-benchmarks.md §1: White 71%, Mixed 11%, Black 8%, Asian 5%, Other 4%, not known 1%),
 * split within each group by the usual shares.
 */
export const CHILD_ETHNICITY = {
  WBRI: 62.0, WIRI: 0.5, WIRT: 0.6, WROM: 0.9, WOTH: 7.0,
  MWBC: 3.5, MWBA: 1.5, MWAS: 2.0, MOTH: 4.0,
  AIND: 0.9, APKN: 1.7, ABAN: 0.8, AOTH: 1.6,
  BCRB: 1.5, BAFR: 4.5, BOTH: 2.0,
  CHNE: 0.3, OOTH: 3.7,
  REFU: 0.4, NOBT: 0.6,
} as const;

/** Unaccompanied asylum-seeking children: mostly Afghan, Eritrean, Sudanese, Iranian, Kurdish, Vietnamese. */
export const UASC_ETHNICITY = { AOTH: 35, BOTH: 25, OOTH: 30, BAFR: 5, AIND: 2, CHNE: 3 } as const;

export const STREETS = [
  'Church Street', 'Mill Lane', 'Station Road', 'Victoria Road', 'Park Avenue', 'Queens Road', 'Kingsway',
  'Orchard Close', 'Meadow View', 'Oak Drive', 'Elm Grove', 'Willow Walk', 'Beech Crescent', 'Chestnut Way',
  'Ember Street', 'Hearth Lane', 'Kindle Road', 'Cinder Row', 'Flint Close', 'Tinder Way', 'Bellows Court',
  'Brazier Road', 'Fireside Avenue', 'Copper Lane', 'Lantern Walk', 'Candle Street', 'Wick Gardens', 'Ash Grove',
  'Forge Lane', 'Anvil Close', 'Smithy Road', 'Chimney Row', 'Kiln Road', 'Furnace Street', 'Spark Lane',
];

/** The fictional towns of Hearthshire, each with its HZ postcode districts. */
export const TOWNS: { name: string; districts: number[] }[] = [
  { name: 'Hearthton', districts: [1, 2, 3, 4, 5, 6] },
  { name: 'Emberley', districts: [7, 8, 9] },
  { name: 'Kindlewick', districts: [10, 11] },
  { name: 'Cinderbrook', districts: [12, 13] },
  { name: 'Tinderby', districts: [14, 15] },
  { name: 'Glowmere', districts: [16, 17] },
  { name: 'Fenhearth', districts: [18, 19, 20] },
];

export const SCHOOL_STEMS = [
  'St Brigid’s', 'Hearthton', 'Emberley', 'Kindlewick', 'Cinderbrook', 'Tinderby', 'Glowmere', 'Fenhearth',
  'Oakfield', 'Meadowbank', 'Riverside', 'Hillcrest', 'Brookside', 'Ashgrove', 'Willowbrook', 'Lanternfield',
  'Forge Hill', 'Copperbeech', 'Kilnworth', 'Sparrow Green', 'Holy Trinity', 'St Luke’s', 'Emberside', 'Wickham Vale',
];
