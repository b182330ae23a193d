"""Demo content for The Lantern, part two.

Original, entirely fictional articles for the demo newsroom "The Lantern", an
independent newsroom in exile covering the fictional country of Nordavia. All
people, institutions, figures and sources are invented. Source URLs, where
present, point only at example.org or example.com.

This module holds plain data only: a list of article dictionaries in ARTICLES.
"""

ARTICLES = [
    # ------------------------------------------------------------------ politics
    {
        "slug": "foreign-agent-registry-extended-to-ngos",
        "section": "politics",
        "headline": "Assembly extends foreign-agent registry to charities, clinics and reading clubs",
        "standfirst": (
            "A bill passed in a single sitting lets the Justice Ministry list any group that "
            "receives money or “organizational support” from abroad, with no court hearing required."
        ),
        "dateline": "Riga",
        "authors": ["mira-holm"],
        "tags": ["censorship", "human-rights", "media", "courts"],
        "hours_ago": 30,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "Nordavia’s National Assembly on Wednesday voted to extend the country’s foreign-agent registry from media outlets to non-governmental organizations of every kind, including charities, patient groups and neighborhood associations. The bill passed its second and third readings in a single afternoon sitting, by 212 votes to 4, and now goes to President Arvid Rask for his signature.",
            ),
            (
                "paragraph",
                "Under the new text, the Justice Ministry can add any organization to the registry if it has received money, equipment or what the law calls “organizational support” from a foreign source. The term is not defined. Listed groups must mark every publication, including posts on social media, with a lengthy disclaimer and submit quarterly audits at their own expense.",
            ),
            ("heading", "No hearing before listing"),
            (
                "paragraph",
                "Unlike the earlier version of the law, which covered only registered media, the amended act removes the requirement for a court to confirm a listing. Organizations may appeal to the Stalhaven City Court only after their name has been published, and the listing stays in force while the appeal is heard, a process that lawyers say can take more than a year.",
            ),
            (
                "quote",
                {
                    "text": "The old law at least pretended that a judge was involved. This one does not even pretend. A diabetes support group that once accepted a donated glucose meter from a sister group abroad is now, in the eyes of the state, a foreign agent.",
                    "attribution": "Maren Tollefsen, lawyer with the Nordavian Civil Liberties Circle",
                },
            ),
            (
                "paragraph",
                "Lawmakers from the National Unity Front said the change closes a loophole that allowed foreign governments to fund what one deputy, Oskar Brenn, called “political work disguised as social work.” NTV-1 devoted eleven minutes of its evening bulletin to the vote, showing an animated map of what it described as foreign grants flowing into Korvik and Varta.",
            ),
            (
                "paragraph",
                "Rights groups estimate that at least 1,300 registered organizations have received some form of foreign assistance in the past five years, from cultural grants to second-hand hospital equipment. The Open Ledger Project, which tracks public registries, said the ministry’s existing list of media outlets and journalists, The Lantern among them, had grown by nine names in the past month alone, to 61.",
            ),
            (
                "paragraph",
                "Several organizations contacted by The Lantern said they were weighing whether to dissolve before the law takes effect, expected in about thirty days. Others said they would move their registration abroad, following the route taken by independent newsrooms in recent years. A children’s hospice in Ilmsby said it did not yet know whether the medical beds it received from a foreign charity would be enough to put it on the list.",
            ),
            (
                "paragraph",
                "The Justice Ministry did not respond to written questions about how “organizational support” would be interpreted, or how many organizations it expected to list in the first year.",
            ),
        ],
        "sources": [
            {
                "name": "Open Ledger Project",
                "url": "https://example.org/openledger/registry-tracker",
            },
            {
                "name": "Radio Kestrel",
                "url": "https://example.org/kestrel/assembly-registry-vote",
            },
        ],
        "correction": None,
    },
    {
        "slug": "decree-lets-consulates-refuse-passports-abroad",
        "section": "politics",
        "headline": "Decree lets consulates refuse to renew passports for Nordavians living abroad",
        "standfirst": (
            "Citizens abroad who are under investigation or listed as foreign agents will have to "
            "return home to renew their documents, under a decree signed by President Arvid Rask on Sunday."
        ),
        "dateline": "Vilnius",
        "authors": ["mira-holm", "petr-lind"],
        "tags": ["exile", "migration", "human-rights"],
        "hours_ago": 8,
        "updated_hours_ago": 3,
        "body": [
            (
                "paragraph",
                "President Arvid Rask on Sunday signed a decree allowing Nordavian consulates to refuse to issue or renew passports for citizens abroad who are the subject of a criminal investigation, are listed in the foreign-agent registry, or have “unresolved obligations” to the state, a category that includes unpaid fines and missed military registration.",
            ),
            (
                "paragraph",
                "The decree, published on the government’s legal portal shortly before midnight, took effect immediately. Applicants who are refused will be told to apply in person in Nordavia, where many of them would face arrest on arrival. It comes days after the National Assembly extended the foreign-agent registry to non-governmental organizations, widening the pool of people who could be affected.",
            ),
            ("heading", "Queues at the consulate in Riga"),
            (
                "paragraph",
                "By Monday morning, around forty people had gathered outside the Nordavian consulate in Riga, some holding folders of documents they hoped to submit before staff received new instructions. A consular employee who spoke on condition of anonymity said the mission had been told to stop accepting applications from anyone whose name appeared on an internal list, but had not yet received the list.",
            ),
            (
                "quote",
                {
                    "text": "My passport expires in the spring. If they refuse me, I become a person without a country, living on a residence permit that depends on a document I will no longer have.",
                    "attribution": "Dagny Orlo, software developer who left Stalhaven two years ago",
                },
            ),
            (
                "paragraph",
                "Lawyers working with the exile community estimate that between 40,000 and 60,000 Nordavians abroad hold passports that will expire within the next two years. Some host governments have issued travel documents to Nordavians in individual humanitarian cases, but the procedures are slow, vary from country to country and do not always allow travel to third countries.",
            ),
            (
                "paragraph",
                "The Foreign Ministry said in a statement read on NTV-1 that the decree targeted “persons who have chosen to work against their homeland from foreign capitals” and that law-abiding citizens had nothing to fear. It did not say how many people were on the internal list or how a person could find out whether they were included.",
            ),
            (
                "paragraph",
                "Exile organizations in Vilnius and Tbilisi said they were setting up help desks to advise people on their options, and urged anyone whose passport expires within a year to seek legal advice in their country of residence before approaching a consulate.",
            ),
            (
                "paragraph",
                "Update: After this article was first published, the Foreign Ministry clarified that the decree also applies to identity documents issued to minors, meaning children born abroad to listed parents may be unable to obtain any Nordavian document at all. This article has been updated to include the clarification.",
            ),
        ],
        "sources": [
            {"name": "Nordavian government legal information portal", "url": ""},
            {
                "name": "Radio Kestrel",
                "url": "https://example.org/kestrel/passport-decree",
            },
        ],
        "correction": None,
    },
    {
        "slug": "deputy-defense-minister-detained-procurement",
        "section": "politics",
        "headline": "Deputy defense minister detained over armored vehicles that were never built",
        "standfirst": (
            "Investigators say Henrik Sallas approved advance payments for 140 vehicles that never "
            "left the factory. The arrest comes as the military’s share of the budget reaches a record."
        ),
        "dateline": "Riga",
        "authors": ["mira-holm"],
        "tags": ["military", "corruption", "courts", "budget"],
        "hours_ago": 160,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "Nordavia’s security service on Thursday detained Deputy Defense Minister Henrik Sallas, accusing him of approving advance payments of roughly 38 million euros for 140 armored transport vehicles that the Varta Machine Works never built. Stalhaven City Court ordered him held for two months in pretrial detention at a hearing closed to the press.",
            ),
            (
                "paragraph",
                "Sallas, 54, oversaw procurement for six years and was regarded as close to the defense minister, Ulrik Haaning. He is the most senior official arrested in a corruption case since President Arvid Rask began his current term. His lawyer told Vesna Daily that his client denied wrongdoing and had “signed what he was given to sign.”",
            ),
            ("heading", "A pattern of selective cases"),
            (
                "paragraph",
                "Analysts who follow Nordavian elite politics caution against reading the arrest as the start of a broad anti-corruption drive. Of the eleven senior officials charged with embezzlement in the past three years, nine had previously clashed with the head of the presidential administration, according to a tally by the Open Ledger Project. None of those cases has ended in an acquittal.",
            ),
            (
                "quote",
                {
                    "text": "In Nordavia, a corruption case is rarely about corruption. It is about who has lost the protection that made the corruption safe.",
                    "attribution": "Signe Rautio, political analyst based in Vilnius",
                },
            ),
            (
                "paragraph",
                "The case lands at an awkward moment for the government. The budget approved last month allocates roughly a third of federal spending to defense and security, and officials have defended the increase as necessary for what they call modernization of the armed forces. The missing vehicles were meant to be part of that program.",
            ),
            (
                "paragraph",
                "NTV-1 reported the detention with footage of investigators opening a safe in Sallas’s country house and counting bundles of cash on a kitchen table, a format state television has used in several recent high-profile arrests. The Defense Ministry said the case “demonstrates the determination of the state to protect every coin spent on the defense of the homeland.”",
            ),
            (
                "paragraph",
                "Workers at the Varta plant, which has struggled to pay wages for much of the year, told The Lantern that a production line for the vehicles had never been set up. One engineer said staff had been asked two years ago to prepare drawings for the order, and then heard nothing more about it.",
            ),
            (
                "paragraph",
                "Sallas’s detention can be extended by the court. If convicted of large-scale embezzlement, he faces up to fifteen years in prison.",
            ),
        ],
        "sources": [
            {
                "name": "Open Ledger Project",
                "url": "https://example.org/openledger/embezzlement-cases",
            },
            {"name": "Vesna Daily", "url": ""},
        ],
        "correction": None,
    },
    {
        "slug": "pension-reform-signed-retirement-age",
        "section": "politics",
        "headline": "Rask signs pension reform raising retirement age after a single day of debate",
        "standfirst": (
            "The retirement age will rise to 63 for women and 66 for men within six years. The "
            "government says the pension fund is running short; economists ask where its money went."
        ),
        "dateline": "Vilnius",
        "authors": ["mira-holm", "tomas-varga"],
        "tags": ["budget", "labor", "protests"],
        "hours_ago": 410,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "President Arvid Rask on Saturday signed a law raising Nordavia’s retirement age by five years for women and four years for men, to 63 and 66 respectively, phased in over six years. The National Assembly approved the bill on Thursday after a debate that lasted less than a working day, and the upper chamber endorsed it without discussion the next morning.",
            ),
            (
                "paragraph",
                "The government argues that the state pension fund, which pays about 3.2 million pensioners, faces a growing deficit as the population ages and the workforce shrinks. Labor Minister Annika Storm told lawmakers that without the reform, the fund would need transfers from the federal budget equal to 2 percent of economic output within five years.",
            ),
            (
                "image",
                {
                    "caption": "Pensioners hold handwritten signs outside the regional administration building in Korvik the day before the vote.",
                    "credit": "Name withheld / The Lantern",
                },
            ),
            ("heading", "Where the fund’s money went"),
            (
                "paragraph",
                "Economists who have studied the fund’s accounts point to another cause. Over the past three years, the fund has been required to invest a growing share of its reserves in government bonds issued to cover the budget deficit, which has widened as defense spending has grown. According to the fund’s own annual reports, the share of its reserves held in such bonds rose from 35 percent to 72 percent, at yields below inflation.",
            ),
            (
                "quote",
                {
                    "text": "The fund was told to lend to the state at a loss, and now the state tells pensioners that the fund is poor. The reform does not fix that. It just moves the bill to people in their sixties.",
                    "attribution": "Sofia Brandt, former deputy director of research at the Nordavian Central Bank",
                },
            ),
            (
                "paragraph",
                "The reform has proved unpopular even among the government’s traditional supporters. Average life expectancy for men in Nordavia is just over 68 years, and below 65 in parts of the Varta and Korvik regions, meaning many men will draw a pension for only a few years. A telephone poll by the independent Meridian Research group last week found that 71 percent of respondents opposed the change.",
            ),
            (
                "paragraph",
                "Protests took place in Korvik, Varta and Stalhaven in the week before the vote, the largest of them drawing several thousand people to Victory Avenue in the capital. Police detained at least 140 people across the country, according to the rights group Civic Monitor, which provides legal help to detainees.",
            ),
            (
                "paragraph",
                "The vote also exposed rare cracks in the Assembly. The small parties that usually vote with the government split, and the eight deputies of the Agrarian Party abstained, the first time in four years that any faction has declined to back a major bill drafted by the presidential administration. Opposition politicians in exile called on Nordavians to keep protesting.",
            ),
            (
                "paragraph",
                "NTV-1 covered the signing at length, describing the reform as “a difficult but responsible step” taken “in the interests of our grandchildren.” Its evening bulletin did not mention the protests or the detentions.",
            ),
        ],
        "sources": [
            {"name": "Nordavian State Pension Fund, annual reports", "url": ""},
            {
                "name": "Civic Monitor",
                "url": "https://example.org/civicmonitor/pension-protest-detentions",
            },
            {"name": "Meridian Research", "url": ""},
        ],
        "correction": None,
    },
    # ------------------------------------------------------------------- economy
    {
        "slug": "draft-budget-defense-third-of-spending",
        "section": "economy",
        "headline": "Draft budget hands defense and security a third of all federal spending",
        "standfirst": (
            "The Finance Ministry’s plan for next year raises military and police outlays to a record "
            "share, paid for with cuts to hospitals, schools and transfers to the regions."
        ),
        "dateline": "Riga",
        "authors": ["tomas-varga"],
        "tags": ["budget", "military", "health", "education"],
        "hours_ago": 1400,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "Nordavia’s Finance Ministry on Tuesday submitted a draft budget that would devote 33.8 percent of federal spending to defense, internal security and the intelligence services, up from 24 percent two years ago. The document, more than 900 pages long, was sent to the National Assembly late in the evening and posted on the ministry’s website without the customary press briefing.",
            ),
            (
                "paragraph",
                "The increase is paid for largely by cuts elsewhere. Health care spending falls by 9 percent in real terms, once the ministry’s own inflation forecast is taken into account. Funding for schools and universities falls by 6 percent, and transfers to regional governments, which pay for most hospitals and local roads, are frozen at this year’s level in nominal terms.",
            ),
            ("heading", "The classified lines grow"),
            (
                "paragraph",
                "A growing portion of the budget is not visible at all. Spending marked as classified now accounts for roughly one in every five units spent by the federal government, according to a line-by-line comparison by the Open Ledger Project, a volunteer group that tracks public finance data. Two years ago, the figure was closer to one in eight.",
            ),
            (
                "quote",
                {
                    "text": "When a fifth of the budget is secret, parliament is not approving a budget. It is approving a total.",
                    "attribution": "Sofia Brandt, former deputy director of research at the Nordavian Central Bank, now based in Riga",
                },
            ),
            (
                "paragraph",
                "The ministry projects a deficit of 3.1 percent of economic output, to be covered by drawing on the National Welfare Reserve and by new domestic borrowing. The reserve, built up during years of high commodity prices, has shrunk by about a third since the current round of sanctions began, and officials have signaled that the state pension fund will be asked to buy more government bonds.",
            ),
            ("pull_quote", "Health care spending falls by 9 percent in real terms."),
            (
                "paragraph",
                "State television presented the plan as a budget of “stability and sovereignty.” Interviewed on NTV-1, Finance Minister Leif Aronsen said social obligations would be “fully honored” and that savings would come from “efficiency in administration.” He did not mention the health and education figures.",
            ),
            (
                "paragraph",
                "Regional officials, who rarely criticize Stalhaven in public, have been more candid in private. A senior official in the Varta regional administration told The Lantern that the freeze in transfers would leave the region unable to finish two hospital wings already under construction. “We will have buildings without floors, and floors without doctors,” the official said, asking not to be named.",
            ),
            (
                "paragraph",
                "The National Assembly, where the National Unity Front holds more than four-fifths of the seats, is expected to approve the draft within four weeks.",
            ),
        ],
        "sources": [
            {"name": "Nordavian Ministry of Finance, draft federal budget", "url": ""},
            {
                "name": "Open Ledger Project",
                "url": "https://example.org/openledger/budget-classified-lines",
            },
        ],
        "correction": None,
    },
    {
        "slug": "central-bank-raises-key-rate-21-percent",
        "section": "economy",
        "headline": "Central bank raises key rate to 21 percent as food prices outpace official inflation",
        "standfirst": (
            "The Nordavian Central Bank’s third increase this year puts mortgages out of reach for most "
            "families. Independent price trackers say a basic food basket is rising twice as fast as the official figure."
        ),
        "dateline": "Riga",
        "authors": ["tomas-varga"],
        "tags": ["inflation", "banking", "budget"],
        "hours_ago": 580,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "The Nordavian Central Bank on Friday raised its key interest rate by three percentage points to 21 percent, the highest level since the bank was given its current mandate. It was the third increase this year, and larger than the two-point move most analysts in Stalhaven had expected.",
            ),
            (
                "paragraph",
                "In a statement, Governor Marta Lindqvist said inflation was “proving more persistent than forecast” and blamed higher import costs, a tight labor market and what she called “elevated expectations among households.” The bank put annual inflation at 11.4 percent and said it expected the figure to peak before the end of the year.",
            ),
            ("heading", "A different number at the market"),
            (
                "paragraph",
                "Many Nordavians do not recognize the official figure. The Kestrel Basket, a price-tracking project run by Radio Kestrel, records the cost of 30 staple goods in shops in Stalhaven, Korvik, Ilmsby and Varta every week. By its measure, the basket costs 22 percent more than a year ago, with butter, buckwheat and imported medicines rising fastest.",
            ),
            (
                "paragraph",
                "The gap reflects in part how the Nordavian Statistics Office weights its index, economists say. Regulated prices such as public transport fares and some utility tariffs, which the government has held down ahead of next year’s elections, carry a large weight. Imported goods, which have risen most since sanctions tightened, carry relatively little.",
            ),
            (
                "quote",
                {
                    "text": "The central bank is doing what it can with the one tool it has. But it cannot offset a budget that pours money into factories making things nobody will ever buy in a shop.",
                    "attribution": "Jens Mollard, economist who left the Nordavian Statistics Office last year",
                },
            ),
            (
                "paragraph",
                "The increase will be felt quickly by borrowers. Most Nordavian mortgages outside state-subsidized programs carry floating rates, and banks in Stalhaven began quoting new home loans at 25 to 27 percent within hours of the announcement. Small businesses that rely on short-term loans to buy stock, particularly in retail and agriculture, said they would postpone investment.",
            ),
            (
                "paragraph",
                "The decision also adds to the pressure on regional lenders, which hold large portfolios of loans to local manufacturers and have fewer ways to raise funds than the big state banks. Analysts singled out Korvik Mutual Bank, whose shares fell 8 percent on the Stalhaven exchange on Friday afternoon.",
            ),
            (
                "paragraph",
                "Households are also turning away from the national currency. Deposits held in foreign currency at Nordavian banks rose by 6 percent in the month before the decision, according to central bank data, even though most banks now charge fees on such accounts and limit how much can be withdrawn in cash.",
            ),
            (
                "paragraph",
                "The central bank’s next scheduled rate meeting is in seven weeks. Lindqvist said the board had “not excluded” a further increase.",
            ),
        ],
        "sources": [
            {
                "name": "Nordavian Central Bank",
                "url": "https://example.org/ncb/key-rate-decision",
            },
            {
                "name": "Radio Kestrel, Kestrel Basket",
                "url": "https://example.org/kestrel/basket",
            },
            {"name": "Nordavian Statistics Office", "url": ""},
        ],
        "correction": None,
    },
    {
        "slug": "grain-exports-new-traders-state-quota",
        "section": "economy",
        "headline": "Five young trading firms now handle two-fifths of Nordavia’s grain exports",
        "standfirst": (
            "Customs data show that companies registered within the past 18 months have taken over a "
            "large share of the wheat trade, while farmers say the state purchase price leaves them selling at a loss."
        ),
        "dateline": "Vilnius",
        "authors": ["tomas-varga"],
        "tags": ["agriculture", "sanctions", "corruption"],
        "hours_ago": 760,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "Five trading companies that did not exist two years ago handled 41 percent of Nordavia’s wheat and barley exports in the first half of the year, according to customs declarations reviewed by The Lantern and the Open Ledger Project. Together they shipped about 1.9 million tonnes of grain, most of it through the port of Korvik.",
            ),
            (
                "paragraph",
                "All five are registered at the same business center on the northern edge of Stalhaven. Four list directors who also sit on the boards of dozens of other companies, a common sign of nominee arrangements. None has a website, and none responded to requests for comment sent to their registered addresses.",
            ),
            ("heading", "An export quota with few winners"),
            (
                "paragraph",
                "The firms’ rise coincides with a change in how Nordavia sells its grain abroad. Since last year, exporters must hold a license from the Ministry of Agriculture and stay within a quota, officially introduced to protect domestic bread prices after a poor harvest. The ministry does not publish how the quota is divided. The customs data suggest most of it went to the new firms.",
            ),
            (
                "paragraph",
                "Farmers, meanwhile, are paid a price set by the state grain agency, which buys from producers and resells to licensed exporters. After this summer’s dry weather cut yields across the south, several farmers told The Lantern that the price no longer covered the cost of fuel and fertilizer.",
            ),
            (
                "quote",
                {
                    "text": "We sell to the agency at a price that was fixed before the drought. Someone in Stalhaven sells the same grain in Korvik harbor for almost twice as much. We would just like to know who.",
                    "attribution": "Rolf Ekdahl, grain farmer in the Ilmsby region",
                },
            ),
            (
                "paragraph",
                "Some shipments raise questions under international sanctions. Eleven cargoes loaded by two of the firms were declared as bound for a port in a neutral country. According to ship-tracking records compiled by the Open Ledger Project, the vessels switched off their location transponders for several days after leaving Korvik and reappeared with their holds empty, far from the declared destination, a pattern consistent with ship-to-ship transfers used to disguise a cargo’s final buyer.",
            ),
            (
                "paragraph",
                "The Ministry of Agriculture said in a written reply that export licenses were issued “in strict accordance with transparent criteria” and that it did not comment on individual companies. It declined to say what the criteria were.",
            ),
            (
                "paragraph",
                "The grain agency’s purchase price for the coming season is due to be announced next month. Farmers’ associations in the Ilmsby and Varta regions have asked for it to be indexed to export prices; the agency has not replied.",
            ),
        ],
        "sources": [
            {
                "name": "Open Ledger Project",
                "url": "https://example.org/openledger/grain-exports",
            },
            {
                "name": "State Customs Committee of Nordavia, export declarations",
                "url": "",
            },
        ],
        "correction": None,
    },
    {
        "slug": "varta-miners-stop-work-unpaid-wages",
        "section": "economy",
        "headline": "Varta miners stop work over four months of unpaid wages",
        "standfirst": (
            "About 1,800 workers at the North Shaft potash mine refused to go underground on Monday. "
            "The state-controlled owner blames sanctions; the union says managers have been paid throughout."
        ),
        "dateline": "Vilnius",
        "authors": ["petr-lind"],
        "tags": ["labor", "protests", "regions", "sanctions"],
        "hours_ago": 96,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "Around 1,800 miners at the North Shaft potash mine outside Varta refused to begin their shifts on Monday morning, in the largest open labor dispute in Nordavia in more than a decade. Workers gathered in the yard in front of the administration building and said they would not go underground until wages owed since the spring were paid in full.",
            ),
            (
                "paragraph",
                "The mine belongs to Nordmin, a holding company controlled by the state. Miners say they have received only partial payments for four months, in some months less than a quarter of their usual salary. The Varta Workers’ Union, which represents about two-thirds of the workforce, estimates the total arrears at the equivalent of 11 million euros. The mine is the largest employer in Varta, a city of about 140,000, and many small businesses in the city depend on its workers’ wages.",
            ),
            (
                "image",
                {
                    "caption": "Miners gather in the yard of the North Shaft mine near Varta on Monday morning, the first day of the stoppage.",
                    "credit": "Name withheld / The Lantern",
                },
            ),
            ("heading", "A strike the law barely allows"),
            (
                "paragraph",
                "Under Nordavian labor law, strikes at enterprises classified as strategic require sixty days’ notice and approval by a regional conciliation commission, which in practice has never granted it. The union has avoided calling the action a strike. Its members describe it as a “collective refusal to work without pay,” which it says the constitution protects.",
            ),
            (
                "quote",
                {
                    "text": "Nobody here wanted to stop. We have mortgages at twenty percent and children in school. But you cannot keep going down a shaft for a company that has decided your work is free of charge.",
                    "attribution": "Elsa Krantz, chair of the Varta Workers’ Union",
                },
            ),
            (
                "paragraph",
                "Nordmin said in a statement that export revenue had fallen sharply after sanctions closed its main markets and that it was “doing everything possible” to clear the arrears. Union representatives noted that the company’s most recent annual report showed bonuses paid to its management board.",
            ),
            ("pull_quote", "The union has avoided calling the action a strike."),
            (
                "paragraph",
                "Police vans were parked near the mine gates on Monday and Tuesday, but officers did not intervene. Two union activists were summoned to the regional prosecutor’s office for what was described to them as a “preventive conversation” about the law on public gatherings. Both were released after about an hour and told that any further gathering outside the mine gates could be treated as an unauthorized protest.",
            ),
            (
                "paragraph",
                "NTV-1 did not report the stoppage. Local news channels on messaging apps, several of which have been fined in the past year, carried video of the gathering, which had been viewed more than 400,000 times by Tuesday evening. Miners at two smaller Nordmin shafts near Varta said they were considering joining the action later this week.",
            ),
        ],
        "sources": [
            {
                "name": "Varta Workers’ Union",
                "url": "https://example.org/varta-union/north-shaft-statement",
            },
            {"name": "Nordmin annual report", "url": ""},
        ],
        "correction": None,
    },
    {
        "slug": "korvik-mutual-bank-withdrawal-cap-queues",
        "section": "economy",
        "headline": "Depositors queue at Korvik Mutual Bank after it caps cash withdrawals",
        "standfirst": (
            "The region’s largest lender has limited withdrawals to the equivalent of 200 euros a week. "
            "The central bank insists the bank is sound, but the lines outside its branches grew longer on Thursday."
        ),
        "dateline": "Riga",
        "authors": ["tomas-varga", "petr-lind"],
        "tags": ["banking", "sanctions", "regions", "inflation"],
        "hours_ago": 36,
        "updated_hours_ago": 20,
        "body": [
            (
                "paragraph",
                "Hundreds of people queued outside branches of Korvik Mutual Bank on Thursday, a day after the lender limited cash withdrawals to the equivalent of 200 euros a week per customer and suspended transfers abroad. Some had arrived before dawn. At the main branch on Harbor Square, the line stretched around the block by mid-morning, and police officers were posted at the doors of several branches.",
            ),
            (
                "paragraph",
                "The bank, the largest lender in the Korvik region with around 600,000 retail customers, said the limits were “temporary technical measures” needed while it “adjusted its payment infrastructure.” It did not say when they would be lifted. Its shares have lost more than half their value since the central bank’s most recent rate increase.",
            ),
            (
                "image",
                {
                    "caption": "Customers wait outside the Harbor Square branch of Korvik Mutual Bank on Thursday morning.",
                    "credit": "Name withheld / The Lantern",
                },
            ),
            ("heading", "Cut off from correspondent banks"),
            (
                "paragraph",
                "Two people familiar with the bank’s operations told The Lantern that the trouble began when it lost access to its last foreign correspondent accounts under the sanctions package announced last month. That, combined with the slide in the national currency, left the bank short of foreign currency to settle the import payments on which many of its business clients depend.",
            ),
            (
                "paragraph",
                "The bank’s loan book adds to the strain. According to its most recent published accounts, close to a third of its corporate lending is to manufacturers and suppliers in the Korvik and Varta regions, including contractors to the state mining holding Nordmin, whose workers in Varta stopped work this week over unpaid wages. The central bank’s increase of its key rate to 21 percent has made refinancing those loans more expensive.",
            ),
            (
                "quote",
                {
                    "text": "They told me at the counter that my money is safe. Then why can I only take out a little of it? I am seventy-one. I have seen this before.",
                    "attribution": "Greta Halvorsen, retired shipyard bookkeeper, in the queue on Harbor Square",
                },
            ),
            (
                "paragraph",
                "The Nordavian Central Bank said in a brief statement that Korvik Mutual Bank met all capital requirements and that deposits up to the statutory limit were protected by the state insurance scheme. The limit covers roughly the first 14,000 euros of each depositor’s savings; many small-business accounts hold more. On NTV-1, a presenter urged viewers not to trust “provocateurs spreading panic on foreign-funded channels,” while the regional governor, Tor Stenvik, visited a branch and withdrew cash on camera.",
            ),
            (
                "paragraph",
                "Update: On Friday morning, the central bank announced that it had appointed a temporary administration at Korvik Mutual Bank and that the withdrawal limit would remain in place for at least thirty days. The bank’s chairman has resigned. This article has been updated to reflect the announcement.",
            ),
        ],
        "sources": [
            {
                "name": "Nordavian Central Bank",
                "url": "https://example.org/ncb/korvik-mutual-statement",
            },
            {
                "name": "Radio Kestrel",
                "url": "https://example.org/kestrel/korvik-queues",
            },
        ],
        "correction": None,
    },
    # ------------------------------------------------------------------- society
    {
        "slug": "korvik-region-village-schools-close",
        "section": "society",
        "headline": "Korvik region to close 34 village schools as families leave and funding freezes",
        "standfirst": (
            "Children in coastal villages will be bused up to 50 kilometers each way. Officials cite "
            "falling enrollment; parents and teachers point to the frozen regional budget."
        ),
        "dateline": "Riga",
        "authors": ["elin-saar"],
        "tags": ["education", "regions", "budget", "migration"],
        "hours_ago": 1210,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "The regional government of Korvik will close 34 village schools at the end of the current term and transfer about 2,100 pupils to larger schools in district centers, according to an order published on the regional administration’s website this week. Most of the schools are in fishing villages along the northern coast and in farming settlements inland.",
            ),
            (
                "paragraph",
                "Officials said enrollment at the affected schools had fallen by 40 percent over a decade and that keeping them open was “economically unjustified.” The order was signed a week after the Finance Ministry in Stalhaven proposed freezing transfers to the regions in next year’s budget.",
            ),
            ("heading", "Two hours on the bus"),
            (
                "paragraph",
                "Parents in several villages said their children would spend up to two hours a day on school buses, on coastal roads that are often closed by snow in the depth of winter. The regional education department has promised 45 new buses but has not said when they will be delivered, or who will drive them.",
            ),
            (
                "quote",
                {
                    "text": "My daughter is seven. In winter the bus will leave before it is light and come back after it is dark. They say it is about efficiency. For us it is about whether we can stay.",
                    "attribution": "Karin Dahlberg, a mother in the village of Saltvik",
                },
            ),
            (
                "paragraph",
                "Teachers describe the closures as the latest stage in the emptying of the countryside. Young families have left for Stalhaven or abroad, and the number of births in the Korvik region has fallen in each of the past eight years, according to the Nordavian Statistics Office. Several of the villages affected by the order have already lost their medical posts and post offices.",
            ),
            (
                "paragraph",
                "For many villages, the school is also the last public building. In Saltvik, the school gym hosts elections, meetings of the village council and a weekly clinic run by a visiting nurse. Residents there said no one had told them what would happen to the building once the pupils are gone.",
            ),
            (
                "paragraph",
                "The closures will also cost jobs. About 380 teachers and support staff work in the affected schools. The regional education department said some would be offered positions in district schools, but a representative of the teachers’ union said most of the offers made so far were part-time contracts.",
            ),
            (
                "paragraph",
                "A petition against the order gathered 6,000 signatures in four days before the platform hosting it was blocked in Nordavia. Its organizers have asked the regional legislature to hold public hearings. The legislature’s chair, a member of the National Unity Front, said hearings were “not required by law.” Parents in Saltvik said they would keep their children at home on the first day of the next term in protest.",
            ),
        ],
        "sources": [
            {"name": "Korvik Regional Administration, education order", "url": ""},
            {"name": "Nordavian Statistics Office", "url": ""},
        ],
        "correction": None,
    },
    {
        "slug": "ilmsby-apartment-block-collapse",
        "section": "society",
        "headline": "Six dead in Ilmsby apartment collapse after years of residents’ warnings",
        "standfirst": (
            "Tenants of the five-story block on Foundry Street had complained about cracks in its walls "
            "for at least six years. A repair contract was paid for and never carried out."
        ),
        "dateline": "Vilnius",
        "authors": ["elin-saar", "petr-lind"],
        "tags": ["housing", "regions", "corruption"],
        "hours_ago": 890,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "Six people, including two children, were killed early on Saturday when part of a five-story apartment block on Foundry Street in Ilmsby collapsed, regional emergency services said. Rescuers pulled eleven people alive from the rubble over the following 20 hours. The section that fell contained 15 apartments.",
            ),
            (
                "image",
                {
                    "caption": "Rescue workers search the collapsed section of the apartment block on Foundry Street in Ilmsby.",
                    "credit": "Name withheld / The Lantern",
                },
            ),
            (
                "paragraph",
                "The building, assembled from prefabricated concrete panels six decades ago, had been the subject of repeated complaints. Residents shared with The Lantern copies of four written appeals to the city housing department over six years describing widening cracks in the load-bearing walls of the stairwell and water pouring into the basement after heavy rain.",
            ),
            ("heading", "A repair paid for, not done"),
            (
                "paragraph",
                "City procurement records show that a contract for “reinforcement of load-bearing structures” at the building was awarded three years ago to a local firm, Ilmstroy Service, for the equivalent of 310,000 euros, and marked as completed the following year. Residents say no work was done apart from repainting the entrance. Ilmstroy Service is co-owned by the son of a National Unity Front deputy on the Ilmsby city council.",
            ),
            (
                "quote",
                {
                    "text": "We wrote, we called, we went in person. Each time they sent an engineer who looked at the crack and said it was cosmetic. My neighbor downstairs died under that crack.",
                    "attribution": "Nils Aberg, resident of the surviving section of the building",
                },
            ),
            (
                "paragraph",
                "Neighbors spent the first night in the courtyard, holding flashlights for rescuers and passing blankets to those pulled from the rubble. By Sunday afternoon, flowers and children’s toys lined the fence around the site. Police removed a handwritten sign listing the dates of the residents’ complaints, saying it had not been approved by the city.",
            ),
            (
                "paragraph",
                "In its first reports, NTV-1 attributed the collapse to a suspected gas explosion. Residents and the regional gas company both said there had been no smell of gas, and the emergency services’ own preliminary statement made no mention of an explosion.",
            ),
            (
                "paragraph",
                "The regional prosecutor’s office has opened a criminal case for negligence resulting in death and detained the chief engineer of the city housing department. No charges have been brought against the contractor, and the council deputy whose son co-owns it has not commented.",
            ),
            (
                "paragraph",
                "About 2,000 residential buildings in the Ilmsby region are classified as being in poor or dangerous condition, according to the regional government’s own register, which has not been updated in five years. The families from Foundry Street have been moved to a municipal hostel and offered a one-time payment. Officials have not said where they will be permanently housed.",
            ),
        ],
        "sources": [
            {"name": "Ilmsby regional prosecutor’s office", "url": ""},
            {"name": "Ilmsby city procurement records", "url": ""},
        ],
        "correction": None,
    },
    {
        "slug": "young-doctors-leaving-stalhaven-survey",
        "section": "society",
        "headline": "A third of Stalhaven’s junior doctors are preparing to work abroad, survey finds",
        "standfirst": (
            "Low pay, long shifts and shrinking hospital budgets are driving young physicians out. The "
            "Health Ministry’s answer is a proposal to bar graduates from leaving for five years."
        ),
        "dateline": "Tbilisi",
        "authors": ["elin-saar"],
        "tags": ["health", "migration", "exile", "budget"],
        "hours_ago": 250,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "One in three junior doctors in Stalhaven is taking concrete steps to work abroad, such as sitting foreign licensing exams or applying for jobs, according to an anonymous survey of 912 physicians in their first five years of practice. A further quarter said they were considering it.",
            ),
            (
                "paragraph",
                "The survey was carried out over six weeks by the Nordavian Young Physicians’ Circle, an informal network of doctors, using encrypted forms to protect respondents. The group shared the full data set with The Lantern. Its findings cannot be independently verified, but they are consistent with accounts from hospital managers and medical school staff.",
            ),
            (
                "image",
                {
                    "caption": "A junior doctor who left Stalhaven last spring begins a night shift at a hospital in Tbilisi.",
                    "credit": "Mikkel Aas / The Lantern",
                },
            ),
            ("heading", "Paid less than a bus driver"),
            (
                "paragraph",
                "Respondents cited pay most often. A first-year resident in a Stalhaven public hospital earns the equivalent of about 480 euros a month, less than a city bus driver, and residents routinely work 24-hour shifts. Many said conditions had worsened this year as hospitals cut staff to absorb reductions in the health budget.",
            ),
            (
                "quote",
                {
                    "text": "I was covering three wards alone at night, with one nurse and no working scanner. I did not leave because of politics. I left because I was afraid I would kill someone.",
                    "attribution": "Hanna Berglund, 29, a former resident in internal medicine who now works in Tbilisi",
                },
            ),
            (
                "paragraph",
                "The most common destinations named in the survey were neighboring countries where Nordavian medical degrees can be recognized after an exam and a period of supervised practice. Respondents said the process typically takes one to two years, and many described studying for foreign exams at night, after hospital shifts, without telling their managers.",
            ),
            (
                "paragraph",
                "Politics plays a part too. Nearly half of respondents said they feared being pressured to falsify records, a concern that grew after reports that doctors had been told to record injuries of detained protesters as accidents. Several said colleagues had been reprimanded for posting about shortages of medicines and equipment.",
            ),
            (
                "paragraph",
                "The Health Ministry has responded with a draft law that would require graduates of state medical schools to work for five years in Nordavian public hospitals or repay the full cost of their education. Deputy Health Minister Ove Strand told NTV-1 that the state “has the right to expect a return on its investment.”",
            ),
            (
                "paragraph",
                "Doctors’ groups abroad say the proposal will accelerate departures among students who still have time to leave before they graduate. The ministry has not published figures on how many doctors left the country last year, and did not respond to a request for them. Hospital managers in Korvik and Varta, where vacancies are already highest, say they are competing for a shrinking pool of graduates.",
            ),
        ],
        "sources": [
            {
                "name": "Nordavian Young Physicians’ Circle, survey data",
                "url": "https://example.org/ypc/survey-results",
            },
        ],
        "correction": None,
    },
    {
        "slug": "stalhaven-metro-cameras-flag-riders",
        "section": "society",
        "headline": "Stalhaven metro riders detained at turnstiles after cameras flag them",
        "standfirst": (
            "At least 27 people were stopped by police in the metro over two weeks after face-recognition "
            "cameras identified them. Most had attended protests against the pension reform."
        ),
        "dateline": "Riga",
        "authors": ["elin-saar"],
        "tags": ["surveillance", "protests", "human-rights"],
        "hours_ago": 14,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "Police in Stalhaven stopped at least 27 people at metro stations over the past two weeks after the city’s face-recognition system flagged them, according to Civic Monitor, a rights group that provides legal help to detainees. In most cases, officers approached within a minute of the person passing through the turnstiles.",
            ),
            (
                "paragraph",
                "Of the 27, 19 had taken part in demonstrations against the pension reform signed by President Arvid Rask last month, and six had previously been fined for posts on social media. Most were held for several hours, photographed and fingerprinted, then released. Four were kept overnight and fined for “repeated participation in an unauthorized gathering.”",
            ),
            ("heading", "Cameras at every entrance"),
            (
                "paragraph",
                "The system, known to metro staff as Argus, was installed over the past year at all 71 stations of the Stalhaven metro. City officials presented it as a tool for finding missing people and wanted criminals. There is no public list of who can be added to the database or on what grounds, and no requirement to notify those who are.",
            ),
            (
                "quote",
                {
                    "text": "An officer walked up to me before I had even put my card away. He already knew my name. He said: you were on Victory Avenue last month, weren’t you?",
                    "attribution": "Ida Norlin, 22, a student stopped at Central Station",
                },
            ),
            (
                "paragraph",
                "Lawyers with Civic Monitor say the detentions follow a consistent pattern. The person is stopped on the pretext of a document check, then taken to a police station where officers read out a list of gatherings they are said to have attended. In several cases, the list included protests the person says they did not attend.",
            ),
            (
                "pull_quote",
                "There is no public list of who can be added to the database or on what grounds.",
            ),
            (
                "paragraph",
                "Civic Monitor says the real number of stops is likely to be higher, since it counts only cases in which a detainee or a relative contacted its hotline. The group has filed complaints on behalf of 12 of the riders, arguing that the law on policing does not allow people to be detained solely because a camera has matched their face.",
            ),
            (
                "paragraph",
                "The Stalhaven metro authority referred questions to the city police, which said in a statement that the system was used “strictly in accordance with the law” and that it did not “comment on operational methods.” State television has not reported the detentions.",
            ),
            (
                "paragraph",
                "Some riders have begun adjusting their routines, wearing hats and medical masks or taking buses instead. Civic Monitor advises people who have attended protests to avoid traveling alone, to tell someone their route and to carry the phone number of a lawyer written on paper.",
            ),
        ],
        "sources": [
            {
                "name": "Civic Monitor",
                "url": "https://example.org/civicmonitor/metro-detentions",
            },
        ],
        "correction": None,
    },
    # ------------------------------------------------------------------- culture
    {
        "slug": "hedda-lunn-centenary-exile-poems",
        "section": "culture",
        "headline": "State marks Hedda Lunn’s centenary with her early poems and silence about her exile",
        "standfirst": (
            "Nordavia’s most widely read poet is being celebrated at home in an official anthology that "
            "leaves out everything she wrote abroad. In Riga, readers gathered to read the missing poems aloud."
        ),
        "dateline": "Riga",
        "authors": ["jonas-kell"],
        "tags": ["literature", "censorship", "exile", "media"],
        "hours_ago": 1020,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "One hundred years after the birth of Hedda Lunn, the poet whose lines are still learned by heart in Nordavian schools, the Culture Ministry has published a commemorative anthology, issued a postage stamp and organized readings in libraries across the country. What the celebrations leave out is the last third of her life.",
            ),
            (
                "paragraph",
                "Lunn spent her final twenty-two years in exile after her collection “Salt and Iron,” a cycle of poems about the prisoners who dug the Korvik canal, was banned and she was expelled from the Writers’ Union. She died abroad and, at her own request, was buried there.",
            ),
            ("heading", "An anthology with a gap"),
            (
                "paragraph",
                "The official anthology, “The Bright Shore,” runs to 340 pages. It includes her early pastoral poems and the love lyrics that made her famous, but nothing written after she left the country. Its biographical afterword says only that she “spent her later years abroad for reasons of health.” A documentary broadcast on NTV-1 on Sunday evening followed the same line.",
            ),
            (
                "quote",
                {
                    "text": "They have taken a woman who refused to be silent and turned her into a greeting card. She would have laughed at the stamp. She would not have laughed at the afterword.",
                    "attribution": "Liv Harstad, literary scholar and editor of Lunn’s collected letters",
                },
            ),
            (
                "paragraph",
                "Lunn’s letters from exile, which Harstad edited for a small publisher in Riga, describe her efforts to send manuscripts home with visiting relatives. For years, many of the poems in “Salt and Iron” circulated in Nordavia only in handwritten copies, a fact the official afterword also leaves out.",
            ),
            (
                "paragraph",
                "Publishers in Stalhaven say they were warned informally that any edition including “Salt and Iron” would be reviewed under the law on materials “discrediting state institutions.” A small press in Varta that had announced a complete edition of her work postponed it indefinitely last month, citing “technical reasons.”",
            ),
            (
                "paragraph",
                "In Riga, about two hundred people gathered in a rented church hall on Saturday to read the exile poems aloud, one reader at a time. The reading, organized by Nordavian writers living abroad, was streamed online and watched, according to its organizers, by more than 30,000 people, many of them inside Nordavia using VPN connections.",
            ),
            (
                "paragraph",
                "At the end of the evening, the organizers read the final poem of “Salt and Iron,” which closes with a line that few Nordavian schoolchildren have ever been taught: “The water remembers who dug the canal.” The audience stood in silence for a minute before leaving.",
            ),
            (
                "paragraph",
                "The Culture Ministry did not reply to a question about why the later poems had been excluded from the anthology.",
            ),
        ],
        "sources": [],
        "correction": None,
    },
    {
        "slug": "korvik-choir-dropped-from-folk-festival",
        "section": "culture",
        "headline": "Korvik women’s choir dropped from national festival after singing a protest verse",
        "standfirst": (
            "The Harbor Voices sang an old fishermen’s verse that demonstrators adopted during the pension "
            "protests. Three days later, the choir’s invitation to the national folk festival was withdrawn."
        ),
        "dateline": "Vilnius",
        "authors": ["jonas-kell"],
        "tags": ["music", "censorship", "regions", "protests"],
        "hours_ago": 300,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "The Harbor Voices, a women’s folk choir from Korvik that has performed at Nordavia’s national folk festival for 18 consecutive years, has been removed from this year’s program, days after a concert at which it sang a traditional verse that became an anthem of the pension protests.",
            ),
            (
                "paragraph",
                "The verse, from a nineteenth-century fishermen’s song called “The Long Net,” tells of crews who refuse to sail until the shipowner pays them for the last catch. Demonstrators in Korvik and Stalhaven sang it outside regional administration buildings last month, and videos of those protests circulated widely online.",
            ),
            ("heading", "A letter with no reason given"),
            (
                "paragraph",
                "The choir’s director, Solveig Brekke, said she received a letter from the festival’s organizing committee, which answers to the Culture Ministry, informing her that the choir’s participation had been “rescheduled to a future year.” A committee member, speaking on condition of anonymity, said the decision was made after a video of the Korvik concert was shared by a pro-government blogger.",
            ),
            (
                "quote",
                {
                    "text": "We have sung this song for thirty years. It is in every collection of Korvik folk music. We did not change a word. What changed is who is listening.",
                    "attribution": "Solveig Brekke, director of the Harbor Voices",
                },
            ),
            ("pull_quote", "The letter gave no reason."),
            (
                "paragraph",
                "The choir’s 26 members are mostly retired teachers, nurses and fish-plant workers. Several said they had been called in by their former employers or by local officials to “talk about the concert.” None has been charged with any offense.",
            ),
            (
                "paragraph",
                "The episode is one of several in recent months in which folk material has drawn official attention. A children’s ensemble in Ilmsby was told to drop a lullaby from its repertoire after a complaint that its lyrics mocked “a cold king,” and a folk music program on a regional radio station was taken off the air after its presenter played “The Long Net” without comment.",
            ),
            (
                "paragraph",
                "Folk song has long had a political edge in Korvik, where fishermen’s cooperatives organized the region’s first labor unions more than a century ago. Music teachers in the city said pupils had begun asking about the origins of “The Long Net,” and that they were not sure how to answer.",
            ),
            (
                "paragraph",
                "Since the festival decision, recordings of “The Long Net” have been shared tens of thousands of times. Choirs of Nordavian emigrants in Vilnius and Tbilisi have posted their own versions, and a string quartet in Riga has arranged it for its next concert. The Culture Ministry said festival programming was “a matter for the organizing committee.” The festival opens in Stalhaven next month.",
            ),
        ],
        "sources": [],
        "correction": None,
    },
    {
        "slug": "ilmsby-publisher-fined-translated-novel",
        "section": "culture",
        "headline": "Ilmsby publisher fined over translated novel a court says ‘promotes foreign values’",
        "standfirst": (
            "Grey Heron Press must pay the equivalent of 14,000 euros and pulp its remaining stock of a "
            "novel about two women raising a child. Its founder says the fine could close the press."
        ),
        "dateline": "Riga",
        "authors": ["jonas-kell"],
        "tags": ["literature", "censorship", "courts"],
        "hours_ago": 470,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "A district court in Ilmsby on Tuesday fined Grey Heron Press, one of Nordavia’s few remaining independent publishers, the equivalent of 14,000 euros for publishing a translated novel that prosecutors said “promotes foreign family values,” in breach of a law adopted two years ago.",
            ),
            (
                "paragraph",
                "The novel, “The Winter Orchard” by Lise Marchetti, follows two women who raise a child together in a mountain village after the child’s mother dies. Translated from French by Maja Fjeld, it sold about 4,000 copies in its first year, a respectable figure for literary fiction in a country of nine million people.",
            ),
            ("heading", "An expert the defense could not question"),
            (
                "paragraph",
                "The case rested on a report commissioned by the prosecution from a linguist at a state university in Stalhaven, who concluded that the novel presented a non-traditional household “in an exclusively positive light” and contained “no critical assessment” of it. The defense asked to question the expert in court. The judge refused. The hearing lasted less than two hours.",
            ),
            (
                "quote",
                {
                    "text": "We did not publish a manifesto. We published a novel about grief and an apple orchard. If this is illegal, then most of world literature is illegal.",
                    "attribution": "Astrid Vell, founder of Grey Heron Press",
                },
            ),
            (
                "paragraph",
                "The law under which the press was fined bans the “promotion” of ways of life it describes as contrary to traditional values, but does not define the term. Booksellers say they now read new translations before putting them on sale, and several have stopped ordering foreign fiction altogether.",
            ),
            (
                "paragraph",
                "The court also ordered the destruction of the 600 copies remaining in the publisher’s warehouse. Bookshops in Stalhaven and Korvik had already removed the title from their shelves after the prosecution opened the case in the spring, and the country’s largest online retailer delisted it.",
            ),
            (
                "paragraph",
                "Vell said the fine was larger than the press’s combined profit over the past three years and that she would appeal to the regional court. Grey Heron has published around 120 titles since it was founded, many of them translations of contemporary fiction. Four of its translators have left Nordavia in the past year.",
            ),
            (
                "paragraph",
                "The case follows a string of actions against publishers. The Open Ledger Project, which tracks court records, counts 17 administrative cases against publishers and bookshops under the same law since it was adopted, all but one ending in a fine. Since the verdict, readers have shared digital copies of the novel on messaging apps, and a Nordavian-language publisher in Vilnius has announced an exile edition.",
            ),
        ],
        "sources": [
            {"name": "Ilmsby District Court", "url": ""},
            {
                "name": "Open Ledger Project",
                "url": "https://example.org/openledger/publishing-cases",
            },
        ],
        "correction": None,
    },
    {
        "slug": "open-shutter-documentary-festival-tbilisi",
        "section": "culture",
        "headline": "Nordavian documentary festival opens in Tbilisi with films banned at home",
        "standfirst": (
            "Open Shutter, forced out of Stalhaven three years ago, is showing 23 films this week, "
            "including a portrait of a Varta mining family and a diary shot secretly in Korvik."
        ),
        "dateline": "Tbilisi",
        "authors": ["jonas-kell"],
        "tags": ["film", "exile", "censorship"],
        "hours_ago": 22,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "The Open Shutter documentary festival opened in Tbilisi on Thursday evening with a sold-out screening in a former printing house, its fourth edition in exile since Nordavian authorities canceled its permits and declared its organizers “undesirable.” Over six days the festival is showing 23 films by Nordavian directors, most of them made since the directors left the country or shot in secret before they did.",
            ),
            (
                "image",
                {
                    "caption": "Audience members leave the opening-night screening of Open Shutter in a former printing house in Tbilisi.",
                    "credit": "Mikkel Aas / The Lantern",
                },
            ),
            (
                "paragraph",
                "The opening film, “Shaft Twelve,” by Ingrid Solheim, follows three generations of a mining family in Varta over four years. It was finished before the current stoppage at the North Shaft mine, but the audience applauded at a scene in which an old miner explains how his father’s crew once refused to go underground until their wages were paid. Solheim, who now lives in Vilnius, said she had not been able to show the finished film to the family since she left.",
            ),
            ("heading", "Filming without permission"),
            (
                "paragraph",
                "Several of the films were made under conditions that the festival asks audiences not to discuss online. “Harbor Diary,” a feature-length film shot on a phone over a year in Korvik, is credited only to “a resident.” Its director has never met the festival’s programmers in person. The footage was sent in fragments through several intermediaries.",
            ),
            (
                "quote",
                {
                    "text": "We don’t have a red carpet and we don’t have a state grant. What we have is people who kept filming when it became dangerous to film. Our job is to make sure someone sees it.",
                    "attribution": "Tove Ramberg, program director of Open Shutter",
                },
            ),
            (
                "paragraph",
                "The festival streams a selection of films to viewers in Nordavia through a private platform that requires an invitation code. Organizers said more than 11,000 codes had been requested in the week before the festival, compared with about 7,000 last year. About a third of the requests came from outside Stalhaven, with the largest numbers from Korvik and Ilmsby. Viewers are asked not to share the codes and to watch on devices that are not registered in their real names.",
            ),
            (
                "pull_quote",
                "The footage was sent in fragments through several intermediaries.",
            ),
            (
                "paragraph",
                "Several directors said they were unsure whether the expanded foreign-agent law passed by the National Assembly this week could make viewers in Nordavia liable for watching the films or donating to the festival. Lawyers advising Open Shutter said the text was vague enough to allow it, and that the festival had stopped accepting donations from accounts inside the country.",
            ),
            (
                "paragraph",
                "Open Shutter’s awards will be announced on Tuesday. The jury includes two Nordavian film critics who, for their own safety, are not being named. Winning films will be offered free of charge to exile communities in Riga and Vilnius for screenings in the spring.",
            ),
        ],
        "sources": [
            {
                "name": "Open Shutter festival program",
                "url": "https://example.org/openshutter/program",
            },
        ],
        "correction": None,
    },
    # ------------------------------------------------------------ investigations
    {
        "slug": "ilm-river-chromium-lab-results",
        "section": "investigations",
        "headline": "Lab results show chromium in the Ilm River weeks after officials declared it safe",
        "standfirst": (
            "Internal tests by the regional sanitary inspectorate, obtained by The Lantern, recorded a "
            "carcinogenic form of chromium at up to nine times the legal limit downstream of the Ilmsby Chemical Works."
        ),
        "dateline": "Vilnius",
        "authors": ["ana-brook"],
        "tags": ["environment", "health", "corruption", "regions"],
        "hours_ago": 60,
        "updated_hours_ago": 41,
        "body": [
            (
                "paragraph",
                "Water samples taken from the Ilm River downstream of the Ilmsby Chemical Works contained hexavalent chromium, a carcinogen, at up to nine times the permitted level for most of the six weeks after regional officials publicly declared the river safe, according to internal laboratory reports obtained by The Lantern.",
            ),
            (
                "paragraph",
                "The 14 reports, produced by the Ilmsby regional sanitary inspectorate, cover samples taken at four points along the river between late summer and last week. They were provided by a person with access to the inspectorate’s files. The Lantern verified their authenticity with one current and one former employee and by comparing their format with published inspectorate documents.",
            ),
            (
                "image",
                {
                    "caption": "Dead fish along the bank of the Ilm River near the village of Brekka, downstream of the chemical works.",
                    "credit": "Name withheld / The Lantern",
                },
            ),
            ("heading", "A reassuring statement"),
            (
                "paragraph",
                "The plant, which produces pigments and industrial coatings, reported a “limited technical discharge” at the end of the summer after residents filmed an orange stain spreading across the river. Four days later, the regional health department said tests showed “no exceedance of permitted levels” and lifted its advice against fishing and swimming. The internal reports show that the tests available to the department at the time had recorded levels above the limit at three of four sampling points.",
            ),
            (
                "quote",
                {
                    "text": "At these concentrations you do not see an immediate catastrophe. You see skin lesions, and years later kidney disease and cancers. That is exactly why people needed to be told.",
                    "attribution": "Pernille Vik, hydrologist who worked for the Nordavian Environment Agency until last year",
                },
            ),
            (
                "paragraph",
                "The works is owned by Ilmchem Holding, whose largest shareholder, according to corporate records, is a company controlled by the brother-in-law of the Ilmsby regional governor, Gustav Orrby. Ilmchem did not respond to written questions. The governor’s office said the report was “an attempt by foreign-financed media to destabilize the region.” Orrby has not said whether he holds any stake in the company himself.",
            ),
            (
                "paragraph",
                "Residents of villages downstream told The Lantern that they had continued to water gardens and livestock from the river after the all-clear. A doctor at the district clinic in Brekka said she had seen an unusual number of children with rashes in the autumn, but had been told by her superiors not to link them to the river in medical records. Several residents said they had eaten fish caught in the river in the weeks after the discharge.",
            ),
            (
                "paragraph",
                "Update: After this article was published, the Ilmsby regional prosecutor’s office said it had opened a preliminary inquiry into the discharge, and the head of the regional sanitary inspectorate was dismissed. The prosecutor’s office did not say whether the inquiry would examine the health department’s public statement.",
            ),
        ],
        "sources": [
            {
                "name": "Ilmsby regional sanitary inspectorate, internal laboratory reports",
                "url": "",
            },
            {
                "name": "Radio Kestrel",
                "url": "https://example.org/kestrel/ilm-river-discharge",
            },
        ],
        "correction": None,
    },
    {
        "slug": "stalhaven-city-court-no-acquittals-protest-cases",
        "section": "investigations",
        "headline": "In 1,146 protest cases, Stalhaven City Court acquitted no one",
        "standfirst": (
            "A Lantern analysis of three years of court records found that every defendant charged over a "
            "street protest was convicted. The one judge who dismissed a case was transferred within weeks."
        ),
        "dateline": "Riga",
        "authors": ["ana-brook"],
        "tags": ["courts", "protests", "human-rights", "prisons"],
        "hours_ago": 200,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "Over the past three years, Stalhaven City Court and the district courts under it heard 1,146 cases against people charged in connection with street protests, from administrative offenses such as taking part in an unauthorized gathering to criminal charges of violence against police. Not one defendant was acquitted, according to an analysis of the courts’ public database by The Lantern.",
            ),
            (
                "paragraph",
                "Of the 1,146 defendants, 1,031 were fined, 94 received short administrative jail terms and 21 were sentenced to prison terms ranging from 18 months to six years. Eleven of those convicted had been detained during last month’s protests against the pension reform; their cases went from arrest to verdict in under three weeks.",
            ),
            ("heading", "Four judges, most of the cases"),
            (
                "paragraph",
                "The cases were concentrated among a small number of judges: four of them handled 71 percent. Hearings in administrative cases lasted 14 minutes on average, including the time taken to read out the verdict. In 83 percent of them, the only witnesses were the police officers who made the arrest, and in 40 percent the officer’s written statement was identical, word for word, to statements in other cases heard the same day.",
            ),
            (
                "pull_quote",
                "Hearings lasted 14 minutes on average, including the time taken to read out the verdict.",
            ),
            (
                "paragraph",
                "In the entire period, the database records one case that ended without a conviction. Two years ago, Judge Eirik Moen dismissed charges against a pensioner arrested while walking her dog near a protest, citing video showing that she had not taken part. Five weeks later, Moen was transferred to a civil court in a small town in the Varta region. He has since left the judiciary and declined to comment.",
            ),
            (
                "quote",
                {
                    "text": "Nobody ever told us to convict. Nobody had to. Everyone saw what happened to Moen.",
                    "attribution": "Former clerk at Stalhaven City Court, who asked not to be named",
                },
            ),
            (
                "paragraph",
                "The Nordavian Supreme Court’s own statistics put the national acquittal rate in all criminal cases at under half a percent. Lawyers who defend protesters say that in political cases they now tell clients that the realistic goal is a shorter sentence, not an acquittal. The court’s press service said judges were independent and that it “does not comment on statistics compiled by unauthorized parties.”",
            ),
            (
                "paragraph",
                "How we did this: The Lantern downloaded every case record in the court’s public database filed under the articles of the administrative and criminal codes most often used against protesters, and checked a random sample of 150 cases against the published verdicts. The full data set is available to researchers on request.",
            ),
        ],
        "sources": [
            {
                "name": "Stalhaven City Court public case database",
                "url": "https://example.org/stalhaven-court/cases",
            },
            {"name": "Nordavian Supreme Court, judicial statistics", "url": ""},
        ],
        "correction": None,
    },
    {
        "slug": "argus-metro-cameras-contract-ministers-nephew",
        "section": "investigations",
        "headline": "Metro face-recognition contract went to a firm owned by the interior minister’s nephew",
        "standfirst": (
            "Argus Vision won a no-bid contract worth the equivalent of 74 million euros six weeks after "
            "it was registered. Its cameras were imported through intermediaries despite export restrictions."
        ),
        "dateline": "Riga",
        "authors": ["ana-brook", "elin-saar"],
        "tags": ["surveillance", "corruption", "sanctions", "budget"],
        "hours_ago": 2,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "The company that installed the face-recognition cameras now used to identify protesters in the Stalhaven metro was registered six weeks before it won the contract, and is majority-owned by a nephew of Interior Minister Per Dalmann, corporate and procurement records show.",
            ),
            (
                "paragraph",
                "Argus Vision received the contract, worth the equivalent of 74 million euros, without a competitive tender. The city metro authority used an exemption for purchases “related to the security of critical infrastructure,” which allows officials to choose a supplier directly and to classify the technical details of the contract.",
            ),
            ("heading", "A new company, a familiar name"),
            (
                "paragraph",
                "According to the state business register, Argus Vision was founded with a nominal capital of the equivalent of 100 euros. Its majority shareholder, with 60 percent, is Kristoffer Dalmann, 31, whose earlier business experience, according to his own professional profile, was managing a chain of car washes. Civil registry records reviewed by The Lantern confirm that he is the son of the minister’s older brother.",
            ),
            (
                "paragraph",
                "The metro contract was the company’s first. Within a year, Argus Vision had also won contracts to supply camera systems to the Korvik ferry terminal and to the regional police in Varta, bringing its public revenue to the equivalent of about 96 million euros, according to an analysis of procurement data by the Open Ledger Project.",
            ),
            (
                "quote",
                {
                    "text": "The exemption for critical infrastructure was meant for emergencies. It has become the standard route for contracts that someone does not want the public to see.",
                    "attribution": "Ruben Ask, procurement lawyer who formerly worked for the Stalhaven city audit office",
                },
            ),
            (
                "paragraph",
                "The cameras themselves were not made in Nordavia. Customs declarations show that Argus Vision imported thousands of high-resolution cameras and server components through two trading firms registered in a third country, which bought them from overseas distributors. Several of the components are covered by the export restrictions imposed on Nordavia in earlier rounds of sanctions.",
            ),
            (
                "paragraph",
                "Riders stopped by police after being flagged by the system, whose cases were documented this week by the rights group Civic Monitor, have no way of knowing how their images are stored or who at Argus Vision can see them. The contract, which The Lantern has not seen in full, is classified.",
            ),
            (
                "paragraph",
                "The minister has publicly championed face-recognition technology, telling a police conference last year that the Stalhaven metro would become “the safest in the world.” His ministry did not say whether he had declared a family interest in the contract, as officials are required to do by law.",
            ),
            (
                "paragraph",
                "Neither the Interior Ministry, the metro authority nor Argus Vision responded to detailed questions sent on Monday. Kristoffer Dalmann’s phone was switched off.",
            ),
        ],
        "sources": [
            {
                "name": "Open Ledger Project",
                "url": "https://example.org/openledger/argus-vision-contracts",
            },
            {"name": "Nordavian state business register", "url": ""},
            {
                "name": "State Customs Committee of Nordavia, import declarations",
                "url": "",
            },
        ],
        "correction": None,
    },
    {
        "slug": "varta-penal-colony-insulin-shortages",
        "section": "investigations",
        "headline": "Prisoners with diabetes went weeks without insulin at Varta penal colony, records show",
        "standfirst": (
            "Medical logs and letters from inmates of Penal Colony No. 4 describe months of missed doses. "
            "Three prisoners with diabetes have died there this year; the prison service says all received proper care."
        ),
        "dateline": "Vilnius",
        "authors": ["ana-brook"],
        "tags": ["prisons", "health", "human-rights"],
        "hours_ago": 650,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "Inmates with insulin-dependent diabetes at Penal Colony No. 4 near Varta went without insulin for periods of up to 23 days this year, according to copies of medical logs and more than 40 letters from prisoners reviewed by The Lantern. Three prisoners with diabetes died at the colony in the first nine months of the year.",
            ),
            (
                "paragraph",
                "The logs, covering seven months of the colony’s medical unit, were copied by a member of staff and passed to relatives of a prisoner. They record daily stocks of medication. On 61 days in that period, the entry for short-acting insulin reads zero.",
            ),
            ("heading", "Letters home"),
            (
                "paragraph",
                "The letters, sent to families and shared with The Lantern with the writers’ consent, describe prisoners rationing doses, trading food for insulin from other inmates and being told by medical staff to “drink more water.” One prisoner wrote that he had lost nine kilograms in a month. Several say complaints to the colony administration were answered with spells in a punishment cell for “violating the daily routine.”",
            ),
            (
                "quote",
                {
                    "text": "He wrote to me that he was skipping every second injection so the insulin would last until my parcel arrived. My parcel was sent back. Two weeks later they called to say his heart had stopped.",
                    "attribution": "Ruth Sandvik, whose son Aksel died at Penal Colony No. 4 in the spring",
                },
            ),
            (
                "paragraph",
                "Penal Colony No. 4 holds about 1,400 men, including at least 30 people convicted in cases that rights groups consider political. Families may send medicines only with the colony doctor’s written approval, which relatives say is frequently refused or delayed for weeks.",
            ),
            (
                "pull_quote",
                "On 61 days in that period, the entry for short-acting insulin reads zero.",
            ),
            (
                "paragraph",
                "Relatives of at least four other prisoners at the colony, contacted separately by The Lantern, described similar gaps. The mother of one inmate said she had paid a private pharmacy near the colony to deliver insulin to the gate, only for the package to be refused because the doctor’s approval had expired.",
            ),
            (
                "paragraph",
                "The State Penitentiary Service said in response to questions that all prisoners at the colony “receive medical care in full accordance with established standards” and that the deaths were caused by “chronic illnesses acquired before imprisonment.” It did not address the gaps in the medication logs.",
            ),
            (
                "paragraph",
                "Independent doctors who reviewed the logs at The Lantern’s request said that interruptions of that length for patients with type 1 diabetes carry a serious risk of ketoacidosis, a condition that can kill within days without treatment. Public monitoring commissions, which once had the right to make unannounced prison visits, have since last year been staffed mainly by retired police and prison officers.",
            ),
        ],
        "sources": [
            {"name": "State Penitentiary Service", "url": ""},
            {
                "name": "Civic Monitor",
                "url": "https://example.org/civicmonitor/prison-health",
            },
        ],
        "correction": None,
    },
]
