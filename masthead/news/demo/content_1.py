"""Demo content for The Lantern, part 1 of 2.

Original, entirely fictional articles for the Masthead demo newsroom "The
Lantern", an independent newsroom in exile covering the fictional country of
Nordavia (capital: Stalhaven). Every person, institution, figure and source
below is invented. Source URLs, where present, point to example.org or
example.com only.

The stories are written to read as roughly two months of one newsroom's
coverage: a regional election in Korvik with a barred opposition candidate, a
blogger's trial, a currency slide after sanctions, rising heating tariffs, a
drought in the Varta plain, a state contractor's offshore companies, and the
culture of exile.

This module holds plain data only: no imports, no functions.
"""

ARTICLES = [
    # ------------------------------------------------------------------
    # POLITICS (5)
    # ------------------------------------------------------------------
    {
        "slug": "korvik-election-commission-bars-helga-strand",
        "section": "politics",
        "headline": "Electoral commission bars Helga Strand from Korvik governor race",
        "standfirst": "Officials rejected the independent candidate's registration, ruling that hundreds of voter signatures were invalid. Her campaign says the checks were designed to fail.",
        "dateline": "Riga",
        "authors": ["mira-holm", "petr-lind"],
        "tags": ["elections", "regions", "courts"],
        "hours_ago": 410,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "The Korvik Regional Electoral Commission has refused to register Helga Strand, the independent candidate widely seen as the only serious challenger to the region's governor, Leif Ormsson, in an election due in less than three weeks. The decision was announced late in the evening after a session that was closed to journalists and to Strand's own representatives.",
            ),
            (
                "paragraph",
                "The commission said 612 of the 2,400 signatures submitted by Strand's campaign were invalid, mostly because of what it described as mismatches between handwriting and passport data. Under Nordavian electoral law, a candidate loses the right to register if more than 10 percent of the submitted signatures are rejected. The commission's figure amounts to roughly a quarter.",
            ),
            (
                "paragraph",
                "Strand, 47, is a former member of the Korvik city council who ran a public family clinic in the city's northern districts for fifteen years. Her campaign has focused on local concerns: the condition of the regional hospital, rising heating bills and the closure of two schools. She is not a member of any registered party but was endorsed by the Civic Alliance, a loose coalition of opposition groups whose applications to register as a party have been refused several times.",
            ),
            ("heading", "Handwriting checks and real voters"),
            (
                "paragraph",
                "According to the campaign, the commission relied on a review carried out by a single handwriting examiner seconded from the regional police, who went through the sheets in one afternoon. Volunteers said they had since reached more than 200 of the people whose signatures were thrown out, and that every one of them confirmed having signed. The Lantern spoke by phone to eleven of those signatories, all of whom said the signature was theirs.",
            ),
            (
                "quote",
                {
                    "text": "We knocked on doors in the rain for six weeks. The people whose names they crossed out are real, and they are angry.",
                    "attribution": "Helga Strand, independent candidate for governor of Korvik",
                },
            ),
            (
                "paragraph",
                "Osvald Brenn, the commission's chair, told NTV-1 that the review had followed procedure strictly and that the candidate was free to challenge the decision in court. He did not respond to written questions from The Lantern about how many examiners had reviewed the sheets or how long the review took.",
            ),
            (
                "paragraph",
                "Fair Count Nordavia, an independent monitoring group whose observers have been turned away from polling stations in past elections, said the rejection rate was far higher than anything it had recorded for candidates of the National Unity Front. No Front candidate has been refused registration in the region in at least a decade, the group said.",
            ),
            (
                "paragraph",
                "Strand said she would appeal to the Korvik Regional Court and, if necessary, to the Supreme Court in Stalhaven. If her exclusion stands, Ormsson will face three candidates from small parties that have voted with the Front on almost every measure in the regional assembly.",
            ),
        ],
        "sources": [
            {
                "name": "Korvik Regional Electoral Commission",
                "url": "https://example.org/korvik-electoral-commission/decisions/strand-registration",
            },
            {
                "name": "Fair Count Nordavia",
                "url": "https://example.org/faircount/reports/korvik-registration",
            },
        ],
        "correction": None,
    },
    {
        "slug": "supreme-court-rejects-strand-appeal",
        "section": "politics",
        "headline": "Supreme Court rejects Strand appeal, leaving Korvik race without a challenger",
        "standfirst": "The ruling, delivered after a hearing that lasted forty minutes, ends the independent candidate's legal options less than a week before the vote.",
        "dateline": "Riga",
        "authors": ["mira-holm"],
        "tags": ["elections", "courts", "regions"],
        "hours_ago": 150,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "Nordavia's Supreme Court has upheld the decision to keep Helga Strand off the ballot in the Korvik governor's election, ending the independent candidate's legal challenge and leaving Governor Leif Ormsson of the National Unity Front without a credible opponent.",
            ),
            (
                "paragraph",
                "A panel of three judges in Stalhaven rejected the appeal after a hearing that lasted about forty minutes, according to Strand's lawyer, Teodor Mikkel, who attended. The judges did not examine the 214 sworn statements from voters that the campaign had submitted, each confirming that a signature rejected by the regional electoral commission was genuine. The court said the statements had been filed too late to be considered. Mikkel said they had been collected in the days immediately after the commission's decision and submitted as soon as the notarized copies were ready.",
            ),
            (
                "paragraph",
                "The Korvik Regional Court had dismissed the same complaint a few days earlier, finding that the commission had acted within its powers when it relied on a police handwriting examiner to assess the signature sheets.",
            ),
            (
                "quote",
                {
                    "text": "The court was not asked to believe us. It was asked to read the statements of two hundred voters, and it declined to open the folder.",
                    "attribution": "Teodor Mikkel, lawyer for Helga Strand",
                },
            ),
            ("heading", "No boycott, but a blank ballot"),
            (
                "paragraph",
                "Speaking in a video address after the ruling, Strand said she would not call for a boycott. Instead she urged her supporters to go to the polls and spoil their ballots, arguing that a high number of invalid votes would be harder for the authorities to explain away than a low turnout.",
            ),
            (
                "pull_quote",
                "A high number of invalid votes would be harder to explain away than a low turnout.",
            ),
            (
                "paragraph",
                "The approach has divided the opposition. Some Civic Alliance organizers in Korvik said a visible protest vote was the only safe form of dissent left to residents, while others warned that spoiled ballots could simply be reclassified or lost at the counting stage. Fair Count Nordavia said it had trained around 300 volunteers to photograph the final tally sheets posted at polling stations, where they are allowed to do so. Official turnout in Korvik's previous regional election was 44 percent.",
            ),
            (
                "paragraph",
                "NTV-1 covered the ruling in a short item that described Strand as a candidate who had failed to meet legal requirements. The broadcaster has given Ormsson's campaign events extensive airtime in recent weeks and has not reported on the voters' statements.",
            ),
            (
                "paragraph",
                "Ormsson, who has governed Korvik for ten years, has not taken part in any public debate. His campaign office did not reply to a request for comment. A spokeswoman for the regional administration said earlier this month that the governor preferred to let his record speak for itself.",
            ),
        ],
        "sources": [
            {
                "name": "Supreme Court of Nordavia, press service",
                "url": "https://example.org/nordavia-supreme-court/rulings/strand-appeal",
            },
            {
                "name": "Radio Kestrel",
                "url": "https://example.org/kestrel/korvik/strand-appeal-hearing",
            },
        ],
        "correction": None,
    },
    {
        "slug": "korvik-vote-front-claims-win-turnout-disputed",
        "section": "politics",
        "headline": "Front claims landslide in Korvik as observers question turnout figures",
        "standfirst": "Official results give Governor Leif Ormsson 71 percent of the vote. Independent observers say turnout jumped by an implausible margin in the final two hours of voting.",
        "dateline": "Riga",
        "authors": ["mira-holm", "petr-lind"],
        "tags": ["elections", "regions", "protests"],
        "hours_ago": 20,
        "updated_hours_ago": 8,
        "body": [
            (
                "paragraph",
                "Governor Leif Ormsson of the National Unity Front has won a third term in Korvik with 71 percent of the vote, according to preliminary results published by the regional electoral commission. Official turnout was 58 percent, the highest recorded in a Korvik regional election since the current electoral law took effect. Ormsson thanked voters in a short televised address and promised to complete the renovation of the regional hospital and to keep heating prices affordable.",
            ),
            (
                "paragraph",
                "Fair Count Nordavia, which collected photographs of tally sheets from 164 of the region's 610 polling stations, put turnout at those stations at around 39 percent. The group said the official figures showed turnout rising by almost 20 percentage points between six in the evening and the close of polls at eight, a pattern it did not observe at any station where its volunteers were present.",
            ),
            (
                "image",
                {
                    "caption": "Voters queue outside a polling station in a school in Korvik's northern districts on election day.",
                    "credit": "Photographer's name withheld / The Lantern",
                },
            ),
            ("heading", "A late surge"),
            (
                "quote",
                {
                    "text": "At the stations we could watch, the evening was quiet. The surge appears only in the numbers that arrived at the commission after midnight.",
                    "attribution": "Liisa Kaarna, coordinator, Fair Count Nordavia",
                },
            ),
            (
                "paragraph",
                "The commission recorded 9 percent of ballots as invalid, more than three times the share in the previous regional election. Helga Strand, the independent candidate who was barred from the race, had asked her supporters to spoil their ballots. In a statement she said the figure was a sign that many residents had rejected the choice on offer, and that the real share was likely higher.",
            ),
            (
                "paragraph",
                "Osvald Brenn, chair of the commission, said on NTV-1 that voting had taken place without serious violations and that the late rise in turnout reflected people voting after work. The broadcaster's evening bulletin described the result as a clear endorsement of the governor's record on roads and housing.",
            ),
            (
                "paragraph",
                "Observers reported being removed from at least 23 polling stations during the count. In two cases in the district of Nedre Korvik, volunteers said they were escorted out by police after photographing a ballot box that had been opened before the close of voting. Police did not comment on the incidents, and the commission said it had received no formal complaints from observers.",
            ),
            (
                "paragraph",
                "Small groups of residents gathered near the regional administration building on election night. Radio Kestrel reported that police asked them to disperse and that no arrests were made at that time. Strand said she was consulting lawyers about filing complaints at the station level, though she acknowledged that the courts had so far given her no reason for optimism. Fair Count said it would publish a station-by-station comparison within days and asked the commission to release video recordings from polling stations, which by law must be kept for a year.",
            ),
        ],
        "sources": [
            {
                "name": "Korvik Regional Electoral Commission",
                "url": "https://example.org/korvik-electoral-commission/results/preliminary",
            },
            {
                "name": "Fair Count Nordavia",
                "url": "https://example.org/faircount/reports/korvik-parallel-count",
            },
            {
                "name": "Radio Kestrel",
                "url": "https://example.org/kestrel/korvik/election-night",
            },
        ],
        "correction": None,
    },
    {
        "slug": "foreign-influence-law-exiled-media-readers",
        "section": "politics",
        "headline": "Rask signs law that makes sharing exiled media a criminal offense",
        "standfirst": "Amendments to the Law on Foreign Influence allow prosecutors to charge people who repost material from outlets on a new government register. The Lantern is on the list.",
        "dateline": "Vilnius",
        "authors": ["mira-holm"],
        "tags": ["censorship", "media", "exile", "courts"],
        "hours_ago": 900,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "President Arvid Rask has signed amendments to Nordavia's Law on Foreign Influence that, for the first time, expose ordinary readers to criminal liability for sharing the work of independent media based abroad. The changes were published in the Official Gazette and take effect in ten days.",
            ),
            (
                "paragraph",
                "Under the amended law, the Ministry of Justice will maintain a register of what it calls foreign-controlled information organizations. Anyone who reposts, quotes or links to their material can be fined for a first offense. A second offense within a year becomes a criminal matter punishable by up to three years in prison. Organizations on the register are also barred from receiving payments from Nordavian bank accounts.",
            ),
            ("heading", "What the law says"),
            (
                "paragraph",
                "The ministry published its first list of 34 organizations on the same day the law was signed. It includes The Lantern, Radio Kestrel and Vesna Daily, along with several human rights groups and two university research centers abroad. The law gives no procedure for an organization to contest its inclusion, and it does not define what counts as a repost.",
            ),
            (
                "paragraph",
                "Lawyers consulted by The Lantern said the vague wording leaves room for prosecutors to treat a private message, a screenshot or a comment in a neighborhood chat group as distribution. The Ilmsby Human Rights Centre said it expected the first cases to target people who were already known to the police, such as participants in past protests.",
            ),
            (
                "quote",
                {
                    "text": "This is a law written to frighten readers, not to be enforced against everyone. It only needs a few cases on the evening news for people to stop sharing.",
                    "attribution": "Marit Ostberg, legal adviser, Ilmsby Human Rights Centre",
                },
            ),
            (
                "paragraph",
                "The bill passed the National Assembly in a single day, with no deputy voting against it. Speaking on NTV-1, the deputy justice minister, Hakon Lier, said the measure was aimed at foreign propaganda and would not affect citizens who received their news from domestic sources. He did not say how the authorities would distinguish between the two.",
            ),
            (
                "paragraph",
                "Katrin Vold, editor-in-chief of The Lantern, said the newsroom would continue to publish and would not change its editorial approach. She urged readers inside Nordavia to weigh the risks carefully, to avoid sharing articles from accounts linked to their real names and to take the newsroom's published guidance on digital safety seriously.",
            ),
            (
                "paragraph",
                "The Lantern's journalism has been blocked in Nordavia for more than two years. The newsroom works from Riga, Vilnius and Tbilisi and relies on a network of contributors inside the country, whose names it does not publish.",
            ),
        ],
        "sources": [
            {
                "name": "Official Gazette of Nordavia",
                "url": "https://example.org/nordavia-gazette/foreign-influence-amendments",
            },
            {
                "name": "Ilmsby Human Rights Centre",
                "url": "https://example.org/ilmsby-hrc/analysis/foreign-influence-law",
            },
        ],
        "correction": None,
    },
    {
        "slug": "korvik-protests-detentions-after-vote",
        "section": "politics",
        "headline": "Dozens detained as hundreds protest Korvik election result",
        "standfirst": "Police dispersed a gathering outside the regional administration building on the evening after the vote. A rights group has counted at least 58 detentions.",
        "dateline": "Riga",
        "authors": ["petr-lind"],
        "tags": ["protests", "elections", "human-rights", "regions"],
        "hours_ago": 4,
        "updated_hours_ago": 1,
        "body": [
            (
                "paragraph",
                "Police in Korvik detained at least 58 people on the evening after the regional election, when several hundred residents gathered in Harbor Square outside the regional administration building to protest the official results, according to the Ilmsby Human Rights Centre.",
            ),
            (
                "paragraph",
                "Videos shared by residents and verified by The Lantern show a largely silent crowd, many holding blank sheets of paper, a reference to the spoiled ballots that the barred candidate Helga Strand had urged her supporters to cast. Riot police moved in shortly after nine in the evening and began detaining people at the edges of the square. The gathering had not been announced by any organization; residents said word spread through private messages during the day.",
            ),
            (
                "image",
                {
                    "caption": "Protesters hold blank sheets of paper in Harbor Square, Korvik, shortly before police began detentions.",
                    "credit": "Photographer's name withheld / The Lantern",
                },
            ),
            (
                "paragraph",
                "Most of those detained were taken to two district police stations. The rights group said lawyers were not allowed to see them for several hours, and that at least four people reported being beaten in a police van. Among the detained were a retired schoolteacher, two university students and a volunteer observer from Fair Count Nordavia.",
            ),
            (
                "quote",
                {
                    "text": "They were not shouting, they were not blocking traffic. They were standing with empty pieces of paper, and that was enough.",
                    "attribution": "Anja Roos, lawyer working with the Ilmsby Human Rights Centre",
                },
            ),
            (
                "paragraph",
                "The regional interior ministry said in a statement that police had stopped an unauthorized gathering and that those detained would face administrative charges, which can carry fines or up to fifteen days in custody. It did not give a number.",
            ),
            (
                "paragraph",
                "By the following morning, district courts in Korvik had begun hearing the first cases. Several hearings lasted less than ten minutes, according to lawyers, and at least twelve people were sentenced to between five and twelve days in custody. Others were fined. The rights group said it expected more hearings through the day and that some detainees had still not been told what they were accused of.",
            ),
            (
                "paragraph",
                "Strand, who was not at the square, said she had not called for the gathering but understood why people had come. She asked the authorities to release those detained and said her team would help pay their fines.",
            ),
            ("heading", "Cameras on the square"),
            (
                "paragraph",
                "Several residents told The Lantern they were worried about cameras installed on the administration building last year. In Stalhaven, a Lantern investigation found that metro cameras were used to identify protesters months after the events. Korvik officials have not said whether the square's cameras are linked to a facial recognition system. The regional interior ministry has previously said the cameras are used only to monitor traffic and public order.",
            ),
        ],
        "sources": [
            {
                "name": "Ilmsby Human Rights Centre",
                "url": "https://example.org/ilmsby-hrc/detentions/korvik-harbor-square",
            },
        ],
        "correction": None,
    },
    # ------------------------------------------------------------------
    # ECONOMY (4)
    # ------------------------------------------------------------------
    {
        "slug": "mark-record-low-sanctions-state-banks",
        "section": "economy",
        "headline": "Nordavian mark hits record low after sanctions on two state banks",
        "standfirst": "The currency lost 11 percent against the euro in four days as importers scrambled for foreign exchange. The central bank has raised its key rate to 19 percent.",
        "dateline": "Vilnius",
        "authors": ["tomas-varga"],
        "tags": ["sanctions", "banking", "inflation"],
        "hours_ago": 1300,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "The Nordavian mark fell to a record low of 142 to the euro, down from about 128 at the start of the week, after a group of European governments cut two of the country's largest state banks off from international payment networks.",
            ),
            (
                "paragraph",
                "The sanctions target the Nordavian Savings Bank and Unity Bank, which together handle most of the country's foreign trade payments and the salaries of public-sector employees. Foreign partners have been given thirty days to wind down existing transactions with both lenders. The governments said the measures were a response to the banks' role in financing military procurement and in moving assets belonging to officials abroad.",
            ),
            (
                "paragraph",
                "The Bank of Nordavia responded with an emergency meeting and raised its key interest rate from 15 to 19 percent. Governor Petra Sillen said the bank had sufficient reserves to keep the market stable and described the fall as a short-term reaction. The bank also told exporters that they must sell half of their foreign currency earnings within three days of receiving them.",
            ),
            ("heading", "Queues at the exchange booths"),
            (
                "paragraph",
                "In Stalhaven and Korvik, residents formed queues at currency exchange offices, several of which ran out of euros by midday. Some banks limited cash withdrawals in foreign currency to the equivalent of 500 euros a week. Importers of medicines, electronics and car parts told The Lantern they had paused new orders because they could not find a bank willing to process payments abroad. A pharmacy distributor in Ilmsby said it had enough stock for about six weeks.",
            ),
            (
                "quote",
                {
                    "text": "The rate on the screen is not the rate at which you can actually buy currency. For an importer, the real cost is already closer to 150.",
                    "attribution": "Erik Saltholm, economist and former researcher at the Bank of Nordavia, now based in Vilnius",
                },
            ),
            (
                "paragraph",
                "Official annual inflation stood at 9.4 percent last month, according to the Nordavian State Statistics Service. Economists expect it to rise further as import prices pass through to shops, particularly for food and medicines, a large share of which Nordavia buys abroad. Independent estimates are higher. A monthly survey of household prices compiled by economists outside the country put the rise in food prices alone at around 16 percent over the past year.",
            ),
            (
                "pull_quote",
                "Importers said they had paused new orders because no bank would process payments abroad.",
            ),
            (
                "paragraph",
                "The government has not said how it intends to pay for imported gas, which is priced in foreign currency and supplies most of the country's heating plants. The finance ministry said only that critical imports would be protected. Saltholm said the most likely outcome was higher domestic energy prices later in the year, as the state utility passes on its costs. The government has not announced any new support for households.",
            ),
        ],
        "sources": [
            {
                "name": "Bank of Nordavia",
                "url": "https://example.org/bank-of-nordavia/press/key-rate-decision",
            },
            {
                "name": "Nordavian State Statistics Service",
                "url": "https://example.org/nordstat/prices/monthly",
            },
        ],
        "correction": None,
    },
    {
        "slug": "heating-tariffs-rise-18-percent",
        "section": "economy",
        "headline": "Heating tariffs to rise 18 percent as state utility cites costs",
        "standfirst": "The Ministry of Energy and Housing says the increase, the second this year, is needed to repair aging networks. Households in Korvik and Varta already owe record arrears.",
        "dateline": "Riga",
        "authors": ["tomas-varga"],
        "tags": ["energy", "inflation", "housing", "budget"],
        "hours_ago": 36,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "Residential heating tariffs in Nordavia will rise by 18 percent at the start of the heating season, the Ministry of Energy and Housing announced, the second increase this year after a 12 percent rise in the spring. The new prices apply to all apartment buildings connected to district heating networks, which serve about two thirds of urban households.",
            ),
            (
                "paragraph",
                "The ministry said the increase was needed to finance repairs to heating networks, many of which were laid more than forty years ago, and to cover the higher cost of imported gas. It did not mention the fall of the mark, which has lost about a tenth of its value against the euro since new sanctions on two state banks were announced.",
            ),
            (
                "paragraph",
                "Nordavian Heat and Power, the state utility that supplies most apartment blocks in the larger cities, said households already owed it 3.1 billion marks in unpaid bills, a record. Arrears are highest in the Korvik and Varta regions, where wages are lower than in the capital and where many homes are heated by old district boilers that lose much of their heat before it reaches apartments. The utility has begun sending debt collectors to households more than three months behind on payments, and in some towns it has threatened to disconnect hot water.",
            ),
            ("heading", "What it means for a household"),
            (
                "paragraph",
                "At the new rates, a family in a standard two-room apartment in Stalhaven can expect to pay around 5,600 marks a month for heating in the coldest months, according to The Lantern's calculations based on the ministry's published tariffs. The average state pension is about 34,000 marks. The heating bill alone would take up about a sixth of such a pension, before electricity, water and rent.",
            ),
            (
                "quote",
                {
                    "text": "Last winter I kept one room warm and closed the door to the other. This year I do not know what I will close.",
                    "attribution": "Greta, 71, a retired nurse in Varta who asked that her surname not be used",
                },
            ),
            (
                "paragraph",
                "The government's draft budget for next year reduces subsidies for low-income households' utility bills by around 15 percent in real terms. The ministry said targeted support would remain available, but applicants must now provide proof of income from every member of the household, a requirement that social workers say deters many older people.",
            ),
            (
                "paragraph",
                "Economists note that tariffs for industrial users are not rising at the same pace. Several large plants owned by companies close to the government pay prices set under long-term contracts that are not published. The ministry did not say whether industrial tariffs would be reviewed.",
            ),
            (
                "paragraph",
                "NTV-1 reported the increase as a modest adjustment and compared Nordavian tariffs favorably with prices in neighboring countries, without accounting for differences in income. It did not mention the arrears.",
            ),
        ],
        "sources": [
            {
                "name": "Ministry of Energy and Housing of Nordavia",
                "url": "https://example.org/nordavia-energy-ministry/tariffs/heating-season",
            },
            {
                "name": "Nordavian State Statistics Service",
                "url": "https://example.org/nordstat/household-income",
            },
        ],
        "correction": {
            "hours_after": 9,
            "text": "An earlier version of this article misstated the size of the spring increase in heating tariffs. It was 12 percent, not 21 percent.",
        },
    },
    {
        "slug": "varta-drought-grain-harvest-farmers",
        "section": "economy",
        "headline": "Drought cuts Varta grain harvest by a third; farmers wait for promised aid",
        "standfirst": "The driest summer on record in the Varta plain has left many smaller farms unable to repay seasonal loans. Of the compensation announced by the government, little has arrived.",
        "dateline": "Tbilisi",
        "authors": ["tomas-varga", "petr-lind"],
        "tags": ["agriculture", "environment", "regions", "budget"],
        "hours_ago": 1180,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "The grain harvest in the Varta region, which produces nearly half of Nordavia's wheat and barley, is expected to be about a third smaller than last year after the driest summer since records began, according to estimates from the Nordavian Farmers' Union. The union's estimate is based on reports from its members in eleven districts and on satellite images of crop cover.",
            ),
            (
                "paragraph",
                "Rainfall across the Varta plain between May and July was less than 40 percent of the long-term average, the union said. Several tributaries of the Varta river dried out completely for the first time in living memory, and the reservoir that feeds the region's main irrigation canal fell below the level at which its pumps can operate.",
            ),
            (
                "image",
                {
                    "caption": "Cracked soil in a wheat field near the village of Lindholm in the Varta plain.",
                    "credit": "Photographer's name withheld / The Lantern",
                },
            ),
            (
                "paragraph",
                "The Ministry of Agriculture declared an emergency in six districts and promised 2 billion marks in compensation for lost crops. The Farmers' Union says that so far about 4 percent of that sum has been paid, mostly to large agricultural holdings, and that smaller farms have been told their applications are still under review. Applicants must submit certified yield data, a soil report and a statement from the district administration, documents that many small farmers say take weeks to obtain.",
            ),
            ("heading", "Loans due before the money arrives"),
            (
                "paragraph",
                "Many smaller farms finance each season with short-term loans from the Nordavian Savings Bank that fall due after the harvest. With yields down and the bank tightening credit since the sanctions, farmers say they have been offered extensions only at sharply higher interest rates. Some have sold livestock or machinery to keep up with payments.",
            ),
            (
                "quote",
                {
                    "text": "The ministry tells us the money is coming. The bank tells us the payment is due on the first. Nobody tells us which one to believe.",
                    "attribution": "Henrik Salo, who farms 180 hectares near Lindholm",
                },
            ),
            (
                "paragraph",
                "Agronomists have warned for years that the irrigation network around Varta needed investment. A modernization program announced six years ago was allocated funds in three consecutive budgets, but regional audit reports show that only one of eleven pumping stations was upgraded. The audit office has not said where the remaining funds went.",
            ),
            (
                "paragraph",
                "The drought is also likely to push up bread and flour prices later in the year. The government has not restricted grain exports, and state trading companies have continued to ship wheat from last year's reserves, according to port data reviewed by The Lantern. Millers in Korvik told Radio Kestrel they had already raised flour prices by about 10 percent.",
            ),
            (
                "paragraph",
                "The ministry did not respond to questions about the timing of compensation payments or the criteria for distributing them. A spokesman told NTV-1 last week that all eligible farmers would be paid before the end of the year.",
            ),
        ],
        "sources": [
            {
                "name": "Nordavian Farmers' Union",
                "url": "https://example.org/nordavia-farmers-union/harvest-estimate",
            },
            {
                "name": "Nordavian State Statistics Service",
                "url": "https://example.org/nordstat/agriculture/rainfall",
            },
            {
                "name": "Radio Kestrel",
                "url": "https://example.org/kestrel/economy/varta-flour-prices",
            },
        ],
        "correction": None,
    },
    {
        "slug": "draft-budget-defense-up-health-down",
        "section": "economy",
        "headline": "Draft budget raises defense spending by a quarter while cutting hospital funds",
        "standfirst": "The government's spending plan for next year shifts money from health care and regional programs to the military, with a growing share of expenditure classified.",
        "dateline": "Vilnius",
        "authors": ["tomas-varga"],
        "tags": ["budget", "military", "health"],
        "hours_ago": 260,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "Nordavia's government has submitted a draft budget for next year that increases spending on defense and internal security by 26 percent while reducing funding for hospitals and regional health programs, according to documents published by the Ministry of Finance. The document was submitted to the National Assembly without a public hearing.",
            ),
            (
                "paragraph",
                "Defense would account for about 19 percent of total expenditure, up from 15 percent this year. Health care would fall to 7 percent. Adjusted for the official inflation forecast, the allocation for regional hospitals would shrink by about 8 percent, with the largest reductions falling on Korvik and Varta. Spending on education would remain flat in nominal terms, which amounts to a cut once inflation is taken into account.",
            ),
            ("heading", "The hidden lines"),
            (
                "paragraph",
                "More than a fifth of planned spending now appears only in classified annexes that are not published and are reviewed by a closed committee of the National Assembly. Three years ago the share was under a tenth. Most of the classified spending sits under defense, internal security and a line described only as strategic construction.",
            ),
            (
                "pull_quote",
                "More than a fifth of planned spending now appears only in classified annexes.",
            ),
            (
                "paragraph",
                "Finance Minister Karin Dahl told deputies that the budget reflected the country's security needs and that social obligations would be met in full. She said pensions would be indexed in line with inflation, though the government's inflation forecast of 7 percent is well below the current rate. She did not take questions from journalists after the session.",
            ),
            (
                "quote",
                {
                    "text": "When a fifth of the budget is secret, you cannot say where the savings in hospitals are going. You can only say that they are not staying in hospitals.",
                    "attribution": "Erik Saltholm, economist and former researcher at the Bank of Nordavia",
                },
            ),
            (
                "paragraph",
                "Doctors in Korvik, who asked not to be named because they fear losing their jobs, told The Lantern that their hospital had already postponed the purchase of dialysis equipment and reduced the number of funded nursing posts. The regional hospital has also struggled to obtain imported medicines since sanctions disrupted payments abroad. One surgeon said operating lists were already being drawn up around the availability of anesthetics.",
            ),
            (
                "paragraph",
                "The draft foresees a deficit of 3.8 percent of GDP, to be financed largely by bonds sold to state banks. Revenue projections assume oil and gas export receipts similar to this year, an assumption several economists called optimistic given the weaker mark and the difficulties exporters face in receiving payments.",
            ),
            (
                "paragraph",
                "The National Assembly is expected to approve the budget in its first reading next week. No amendments from the floor have been accepted in the past five budget cycles. Deputies of the small parties represented in the assembly have said they will support it.",
            ),
        ],
        "sources": [
            {
                "name": "Ministry of Finance of Nordavia, draft budget documents",
                "url": "https://example.org/nordavia-finance-ministry/draft-budget",
            },
        ],
        "correction": None,
    },
    # ------------------------------------------------------------------
    # SOCIETY (4)
    # ------------------------------------------------------------------
    {
        "slug": "ilmsby-teachers-told-to-report-students",
        "section": "society",
        "headline": "Ilmsby teachers told to report students who share banned content",
        "standfirst": "A regional directive seen by The Lantern asks every school to appoint an officer to monitor pupils' online activity and file monthly reports with the education department.",
        "dateline": "Riga",
        "authors": ["elin-saar"],
        "tags": ["education", "surveillance", "censorship"],
        "hours_ago": 14,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "Schools in the Ilmsby region have been instructed to appoint a staff member responsible for monitoring students' social media activity and to report monthly on pupils who share material from organizations on the government's foreign influence register, according to a directive from the regional education department seen by The Lantern.",
            ),
            (
                "paragraph",
                "The four-page document, signed by the head of the department, Vibeke Nord, was sent to school principals at the start of the month. It asks schools to compile lists of students who are members of online groups that the directive describes as destructive, and to note any student who reposts content from outlets on the Ministry of Justice register, which includes The Lantern. A copy of the directive was provided to The Lantern by a school employee, and its authenticity was confirmed by two other staff members who had received it.",
            ),
            (
                "paragraph",
                "Principals must also hold a meeting with the parents of any student named in a report. The directive says records of those meetings should be kept and shared with the department's security adviser on request.",
            ),
            ("heading", "Teachers asked to watch their pupils"),
            (
                "paragraph",
                "Three teachers in Ilmsby confirmed that the instruction had been discussed at staff meetings. Two said their principals had appointed a history teacher to the role; in another school, the task went to the deputy principal for educational work. None of the teachers agreed to be named. One said she planned to submit empty reports for as long as she could.",
            ),
            (
                "quote",
                {
                    "text": "I teach fifteen-year-olds. Now I am supposed to scroll through their accounts in the evening and write down who shared a music video. I do not know how to look them in the eye.",
                    "attribution": "A secondary school teacher in Ilmsby",
                },
            ),
            (
                "paragraph",
                "Teachers' Solidarity, an independent union that was dissolved by a court order and now operates from abroad, said it had received similar reports from at least two other regions, suggesting the Ilmsby directive may be part of a wider effort. The union advised teachers to avoid collecting any information beyond what is formally demanded of them.",
            ),
            (
                "paragraph",
                "The directive follows amendments to the Law on Foreign Influence that made sharing material from registered organizations a punishable offense. Minors cannot be prosecuted under the law, but parents can be fined for failing to supervise their children, according to lawyers at the Ilmsby Human Rights Centre.",
            ),
            (
                "paragraph",
                "The Ilmsby education department did not respond to questions about how the reports will be used. In a brief statement to local media, it said schools were expected to protect children from harmful information. It did not say whether parents would be told that their children were being monitored.",
            ),
        ],
        "sources": [
            {"name": "Ilmsby Regional Education Department, directive", "url": ""},
            {
                "name": "Teachers' Solidarity",
                "url": "https://example.com/teachers-solidarity/statements/school-monitoring",
            },
        ],
        "correction": None,
    },
    {
        "slug": "varta-villages-empty-drought-layoffs",
        "section": "society",
        "headline": "In Varta, drought and layoffs are emptying the villages",
        "standfirst": "After a failed harvest and the closure of a grain elevator, families in the Varta plain are leaving for Stalhaven, and some for abroad. The school in Lindholm may not reopen.",
        "dateline": "Tbilisi",
        "authors": ["elin-saar", "petr-lind"],
        "tags": ["migration", "agriculture", "regions", "labor"],
        "hours_ago": 760,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "The village of Lindholm, in the middle of the Varta plain, had 1,100 residents at the last census. The local administration now estimates that fewer than 800 remain, and the head of the village school says she does not know whether there will be enough pupils to keep it open next year. Another village school in the same district closed last year.",
            ),
            (
                "paragraph",
                "The summer drought destroyed about a third of the region's grain harvest. In Lindholm the losses came on top of the closure of the grain elevator, the village's largest employer, whose owner said over the summer that he could no longer afford the electricity to run the dryers. Forty-two people lost their jobs.",
            ),
            (
                "image",
                {
                    "caption": "The closed grain elevator on the edge of Lindholm, once the village's largest employer.",
                    "credit": "Photographer's name withheld / The Lantern",
                },
            ),
            (
                "paragraph",
                "Most of those leaving go to Stalhaven, where construction companies are hiring and wages are two to three times higher. Men often go first and live in dormitories on building sites; women and children follow if work lasts. Money sent home by relatives working elsewhere has become the main source of income for many households that remain. A smaller number, mainly younger residents, have gone abroad, some to look for seasonal farm work in other countries.",
            ),
            (
                "quote",
                {
                    "text": "My son sends money every month. It is good money. But he comes home twice a year, and his daughter asks who he is.",
                    "attribution": "Marta Holm, 58, a resident of Lindholm",
                },
            ),
            ("heading", "A region in decline"),
            (
                "paragraph",
                "Figures from the Nordavian State Statistics Service show the population of the Varta region falling by about 2 percent a year over the past five years, the fastest decline of any region. Officials have attributed the fall to low birth rates, but the agency's own data show that departures now account for most of it. The agency stopped publishing district-level migration data last year.",
            ),
            (
                "paragraph",
                "The regional government has offered one-time payments to young families who settle in rural districts, but residents say the sums are too small to matter. A teacher in a neighboring village said that the offer had attracted three families in two years, while the school lost thirty pupils in the same period.",
            ),
            (
                "paragraph",
                "For those who stay, services are thinning out. The Lindholm clinic now has a doctor on two days a week, and the bus to the district town runs once a day. The post office closed in the spring. Residents who need specialist care travel to the regional center, two hours away by road.",
            ),
            (
                "paragraph",
                "Asked about the exodus, the regional administration told NTV-1 that it was preparing a development program for rural districts. No details or funding have been announced. Earlier this year, the same administration closed two rural maternity wards to save money.",
            ),
        ],
        "sources": [
            {
                "name": "Nordavian State Statistics Service",
                "url": "https://example.org/nordstat/population/regional",
            },
        ],
        "correction": None,
    },
    {
        "slug": "korvik-insulin-shortage-import-payments",
        "section": "society",
        "headline": "Korvik patients ration insulin as imports stall after bank sanctions",
        "standfirst": "Pharmacies in Korvik have run out of several types of insulin. Distributors say payments to foreign suppliers have been stuck for weeks since two state banks were cut off.",
        "dateline": "Riga",
        "authors": ["elin-saar"],
        "tags": ["health", "sanctions", "regions", "banking"],
        "hours_ago": 1060,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "People with diabetes in the Korvik region say they have been unable to fill prescriptions for long-acting insulin for more than two weeks, and some have begun stretching their doses to make their remaining supply last. Several said they had been told at pharmacies to come back next month.",
            ),
            (
                "paragraph",
                "Four pharmacies in Korvik contacted by The Lantern said they had no stock of the two most commonly prescribed long-acting insulins and did not know when deliveries would resume. The regional hospital has asked patients to bring their own supplies when admitted for treatment. Some pharmacists said they were directing customers to Stalhaven, a twelve-hour train journey away.",
            ),
            (
                "paragraph",
                "Medicines are not covered by the recent sanctions on the Nordavian Savings Bank and Unity Bank. But two medical distributors told Radio Kestrel that the sanctions had nonetheless disrupted the payments they make to foreign manufacturers, because the banks they previously used could no longer send money abroad and other lenders were reluctant to take on the business. One said a payment for a large insulin shipment had been returned twice by correspondent banks abroad.",
            ),
            ("heading", "Shorter doses, longer waits"),
            (
                "quote",
                {
                    "text": "My daughter is nine. We have twelve days of insulin left if I give her the full dose. I have started counting the units at night.",
                    "attribution": "Irja, a mother in Korvik who asked that her surname not be used",
                },
            ),
            (
                "paragraph",
                "Endocrinologists warn that reducing insulin doses can lead to dangerously high blood sugar and, in severe cases, to hospitalization. One doctor at the regional hospital said she had seen three such admissions in the past week, compared with perhaps one a month before the shortage.",
            ),
            (
                "paragraph",
                "The Korvik Regional Health Department said in a statement that the supply of essential medicines was under control and that a domestic alternative was available. Patients and doctors said the domestic product was in short supply too, and that switching between insulins requires medical supervision that many rural patients cannot easily get. The department did not name the domestic product or say how much of it was available.",
            ),
            (
                "paragraph",
                "Patient groups have started informal exchanges, in which people with spare pens pass them to others with urgent needs. Volunteers said they were careful about what they wrote in online chats, after hearing that similar groups in other regions had been visited by police. One volunteer said she had handed over more than forty pens in a single week.",
            ),
            (
                "paragraph",
                "The Ministry of Health in Stalhaven has not commented on the shortage. Blogger Kaia Lunde, who first drew attention to the empty pharmacy shelves in Korvik in a video last week, was detained two days later on unrelated charges, her lawyer said.",
            ),
        ],
        "sources": [
            {
                "name": "Radio Kestrel",
                "url": "https://example.org/kestrel/health/korvik-insulin",
            },
            {"name": "Korvik Regional Health Department", "url": ""},
        ],
        "correction": None,
    },
    {
        "slug": "blogger-kaia-lunde-sentenced-six-years",
        "section": "society",
        "headline": "Korvik blogger Kaia Lunde sentenced to six years in prison",
        "standfirst": "A court found the video blogger guilty of discrediting state institutions after a trial held mostly behind closed doors. She had reported on the insulin shortage and the barred governor candidate.",
        "dateline": "Riga",
        "authors": ["elin-saar", "mira-holm"],
        "tags": ["courts", "censorship", "media", "human-rights"],
        "hours_ago": 27,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "The Korvik Regional Court has sentenced Kaia Lunde, a 31-year-old video blogger, to six years in a general-regime penal colony for discrediting state institutions and spreading knowingly false information about the work of public authorities. She has been in pretrial detention since her arrest.",
            ),
            (
                "paragraph",
                "Lunde, whose channel Korvik Notebook had around 90,000 subscribers, was detained shortly after she published a video showing empty shelves in the city's pharmacies during the insulin shortage. She had also covered the campaign of Helga Strand, the independent candidate for governor who was barred from the ballot. Her videos, usually shot on a phone and lasting a few minutes, dealt mostly with local problems: potholes, unpaid wages, hospital waiting lists.",
            ),
            ("heading", "A closed trial"),
            (
                "paragraph",
                "Judge Aksel Nyborg closed most of the hearings to the public, citing the need to protect witnesses. The prosecution's case rested on eight of Lunde's videos and on testimony from two officials of the regional health department, who said her reporting had caused panic among patients. Defense lawyers said they were not allowed to question an expert linguist whose written report described her language as hostile to the state.",
            ),
            (
                "paragraph",
                "In a final statement that her lawyers later released, Lunde said she had done nothing but film what she saw and ask officials questions they did not want to answer. She thanked the pharmacists and patients who had spoken to her on camera, and asked that none of them be punished.",
            ),
            (
                "quote",
                {
                    "text": "I showed a shelf with no insulin on it. If that shelf discredits anyone, it is not me.",
                    "attribution": "Kaia Lunde, in her final statement to the court",
                },
            ),
            (
                "paragraph",
                "The prosecutor had asked for seven years. Lunde's lawyer, Anja Roos, said the defense would appeal, though she noted that appeals in similar cases had almost never succeeded. Lunde was taken from the courtroom in handcuffs; several dozen supporters waiting outside the building were not allowed in to hear the verdict.",
            ),
            (
                "paragraph",
                "The Ilmsby Human Rights Centre, which counts Lunde among more than 400 people it considers political prisoners in Nordavia, said the sentence was the longest yet handed down to a blogger under the law on discrediting state institutions. It has called for her immediate release.",
            ),
            (
                "paragraph",
                "Lunde's case has become widely known among Nordavians abroad. The exiled band Grey Harbour has said that proceeds from its current tour will go to a fund supporting the families of political prisoners, including hers. Her mother said in a short message to The Lantern that her daughter was calm and had asked for books. Her channel has been blocked in Nordavia since her arrest, but its archive remains accessible abroad.",
            ),
        ],
        "sources": [
            {
                "name": "Korvik Regional Court",
                "url": "https://example.org/korvik-regional-court/cases/lunde",
            },
            {
                "name": "Ilmsby Human Rights Centre",
                "url": "https://example.org/ilmsby-hrc/political-prisoners/kaia-lunde",
            },
        ],
        "correction": None,
    },
    # ------------------------------------------------------------------
    # CULTURE (4)
    # ------------------------------------------------------------------
    {
        "slug": "ilse-varn-leaves-nordavia-chamber-theatre",
        "section": "culture",
        "headline": "Chamber Theatre director Ilse Varn leaves Nordavia after her play is pulled",
        "standfirst": "The Ministry of Culture canceled The Quiet Winter two days before its premiere. Varn, who ran Stalhaven's best-known independent stage for twelve years, is now in Tbilisi.",
        "dateline": "Tbilisi",
        "authors": ["jonas-kell"],
        "tags": ["theatre", "censorship", "exile"],
        "hours_ago": 1400,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "Ilse Varn, the artistic director of the Stalhaven Chamber Theatre, has left Nordavia after the Ministry of Culture canceled her new production two days before its premiere and a state-funded newspaper accused her of mocking the armed forces.",
            ),
            (
                "paragraph",
                "The play, The Quiet Winter, follows three sisters in a provincial town waiting for news of a brother who has been called up for military service. It contains no battle scenes and names no real events. Actors who took part in rehearsals described it as a restrained, almost static piece about the silence of a family that has stopped asking questions. The rehearsals had run for four months.",
            ),
            (
                "image",
                {
                    "caption": "Ilse Varn in a rehearsal room in Tbilisi, where she has been working since leaving Stalhaven.",
                    "credit": "Nino Abesadze / The Lantern",
                },
            ),
            (
                "paragraph",
                "The ministry's letter, which the theater shared with staff, said the production had not passed a review of its compliance with traditional values and state cultural policy. It did not explain which scenes were objectionable. Within a week, the theater's board had appointed an acting director and removed Varn's name from its website. Two actors who had defended her at a staff meeting were later told their contracts would not be renewed.",
            ),
            (
                "quote",
                {
                    "text": "Nobody told me to leave. They told me nothing at all, which in Stalhaven is how you know it is time.",
                    "attribution": "Ilse Varn, former artistic director of the Stalhaven Chamber Theatre",
                },
            ),
            ("heading", "A stage that made room"),
            (
                "paragraph",
                "Under Varn, the Chamber Theatre became known for small, text-driven productions by young Nordavian playwrights, many of them set in the country's regions. Its 120-seat hall sold out weeks in advance, and its annual festival of new writing drew audiences from Korvik and Ilmsby. Several of its plays were staged abroad, though touring has become harder since its foreign partners came under pressure.",
            ),
            (
                "paragraph",
                "Varn, 54, said she intended to keep working with Nordavian actors, both those who have left the country and those who remain, and that she hoped to stage The Quiet Winter in Tbilisi in the spring with a company of exiled performers. She declined to say how many of her former colleagues had left.",
            ),
            (
                "paragraph",
                "The ministry did not respond to questions. In a short interview on NTV-1, the acting director of the theater said the repertoire would be revised to reflect the interests of a broad audience and that the festival of new writing would be suspended for a year.",
            ),
            (
                "paragraph",
                "Varn is at least the fourth director of a major Nordavian stage to leave the country in the past two years, according to a count kept by the exiled theater critics' association. Others have stayed and continued to work, some of them under closer scrutiny than before.",
            ),
        ],
        "sources": [
            {
                "name": "Vesna Daily",
                "url": "https://example.org/vesna/culture/quiet-winter-canceled",
            },
        ],
        "correction": None,
    },
    {
        "slug": "grey-harbour-exile-tour-vilnius",
        "section": "culture",
        "headline": "Grey Harbour opens its exile tour in Vilnius with songs banned at home",
        "standfirst": "The rock band, whose concerts in Nordavia were canceled after they refused to play at a government rally, drew a crowd of Nordavians abroad. Proceeds go to political prisoners' families.",
        "dateline": "Vilnius",
        "authors": ["jonas-kell"],
        "tags": ["music", "exile", "censorship", "human-rights"],
        "hours_ago": 38,
        "updated_hours_ago": 12,
        "body": [
            (
                "paragraph",
                "It took Grey Harbour less than a minute to get the room singing. The band, once among the most popular rock acts in Nordavia, opened its first tour in exile in Vilnius with Northern Light, a slow ballad that was removed from the playlists of NTV-1 and state radio two years ago. The band's most recent album was released abroad last year.",
            ),
            (
                "paragraph",
                "The club, which holds around 1,200 people, was full. Many in the audience had traveled from Riga and Warsaw, and a number held handwritten signs with the names of people jailed in Nordavia. Several bore the name of Kaia Lunde, the Korvik blogger whose trial was nearing its end as the tour began. Volunteers at the entrance collected letters to political prisoners, which they said would be forwarded through lawyers.",
            ),
            (
                "image",
                {
                    "caption": "Grey Harbour's singer Sander Ek on stage at the opening concert of the band's tour in Vilnius.",
                    "credit": "Rasa Vaitkute / The Lantern",
                },
            ),
            (
                "paragraph",
                "Grey Harbour's troubles at home began when the band turned down an invitation to perform at a National Unity Front rally in Stalhaven. Within a month, promoters canceled all of its scheduled concerts, citing unspecified safety concerns. The band's singer, Sander Ek, was later fined for a social media post criticizing the military budget, and its members left the country shortly afterward. They now live in three different countries and rehearse over video calls between tours.",
            ),
            (
                "quote",
                {
                    "text": "We used to play stadiums in Korvik. Now we play clubs in cities where half the audience is also waiting to go home. I think these are the better concerts.",
                    "attribution": "Sander Ek, singer of Grey Harbour",
                },
            ),
            ("heading", "Songs for the absent"),
            (
                "paragraph",
                "The set leaned on the band's older material, but it also included four new songs written in exile. One of them, Letters, draws on the published correspondence of the jailed reporter Ruben Aal. Ek read a short passage from one of Aal's letters before the band played it. The song is built around a single repeated guitar figure and ends abruptly, without a final chorus.",
            ),
            (
                "paragraph",
                "The band says all proceeds from the tour, after costs, will go to a fund run by volunteers that supports the families of political prisoners, helping pay for lawyers, parcels and travel to penal colonies. Organizers said ticket sales in Vilnius had raised about 24,000 euros. The fund publishes quarterly reports on how the money is spent.",
            ),
            (
                "paragraph",
                "The tour continues with dates in Riga and Warsaw before ending in Tbilisi. The promoters added a second Tbilisi concert after the first sold out within a day of the Vilnius show. Grey Harbour's recordings remain available on most streaming services inside Nordavia, though several of the band's songs have been quietly removed from the country's largest domestic platform.",
            ),
        ],
        "sources": [],
        "correction": None,
    },
    {
        "slug": "salt-year-novel-banned-readers-copy-by-hand",
        "section": "culture",
        "headline": "After a court bans her novel, readers copy Elsa Morn's book by hand",
        "standfirst": "A Stalhaven court declared The Salt Year extremist and ordered it removed from shops and libraries. Its readers have found other ways to pass it on.",
        "dateline": "Riga",
        "authors": ["jonas-kell"],
        "tags": ["literature", "censorship", "courts", "exile"],
        "hours_ago": 560,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "When the Stalhaven District Court declared Elsa Morn's novel The Salt Year extremist material, booksellers had three days to remove it from their shelves. Libraries were told to withdraw their copies and send them to a regional depository. Within a week, photographs of handwritten copies began circulating among readers. The ruling had been published on the court's website without advance notice.",
            ),
            (
                "paragraph",
                "The novel, published four years ago, follows a family in a fishing town on the northern coast through a single year in which the local cannery closes and the town's young men begin disappearing, one by one, into military service. It won the country's main literary prize in the year of its publication and was on the school reading list for a time. Its print runs were modest, but it was widely borrowed from public libraries.",
            ),
            (
                "paragraph",
                "The case was brought by the prosecutor's office after a complaint from a deputy of the National Assembly, who said the book portrayed the armed forces as an occupying force. The court relied on an expert report by a philologist from a state university. Morn, who has lived in Riga for two years, was not notified of the hearing and learned of the ruling from her publisher.",
            ),
            (
                "quote",
                {
                    "text": "I wrote a book about a town that goes quiet. I did not expect the state to prove my point so quickly.",
                    "attribution": "Elsa Morn, novelist",
                },
            ),
            ("heading", "Notebooks and photographs"),
            (
                "paragraph",
                "Readers in several cities have started copying passages of the novel into school exercise books, sometimes dividing the chapters among a group of friends. A teacher in Ilmsby said her reading circle had produced two complete copies in a month. Others pass around photographs of the printed pages, although the amended foreign influence law has made sharing material linked to exiled authors riskier.",
            ),
            (
                "pull_quote",
                "Readers have started copying passages of the novel into school exercise books.",
            ),
            (
                "paragraph",
                "Possessing a copy of a book declared extremist is not itself a crime under Nordavian law, but distributing it is. Lawyers say that handing a handwritten copy to another person could, in principle, count as distribution. No such case has yet been reported.",
            ),
            (
                "paragraph",
                "Morn's publisher in Stalhaven has withdrawn her other titles from sale as a precaution. Its director said the decision was made to protect staff. An exile press in Riga plans to issue a new edition of The Salt Year next month, along with an electronic version that readers can download free of charge. Morn said she was working on a new book but would not discuss its subject.",
            ),
        ],
        "sources": [
            {
                "name": "Stalhaven District Court, ruling on extremist materials",
                "url": "",
            },
            {
                "name": "Vesna Daily",
                "url": "https://example.org/vesna/culture/salt-year-ruling",
            },
        ],
        "correction": None,
    },
    {
        "slug": "dry-furrows-documentary-prize-ntv1",
        "section": "culture",
        "headline": "Varta drought documentary wins festival prize as NTV-1 calls it staged",
        "standfirst": "Nils Aarde's Dry Furrows, filmed over a year in the Varta plain, took the main award at the Kura Documentary Days in Tbilisi. At home, the state broadcaster says its scenes were faked.",
        "dateline": "Tbilisi",
        "authors": ["jonas-kell"],
        "tags": ["film", "environment", "agriculture", "media"],
        "hours_ago": 90,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "Dry Furrows, a documentary about farmers in Nordavia's Varta plain during the driest summer on record, has won the main prize at the Kura Documentary Days, a festival of documentary film held each autumn in Tbilisi. The award includes a grant toward the director's next project.",
            ),
            (
                "paragraph",
                "The film, directed by Nils Aarde, follows three farming families in and around the village of Lindholm from spring sowing to a failed harvest. It has almost no narration. Long, still shots of empty irrigation channels and cracked fields alternate with scenes of kitchen-table arguments about loans, compensation forms and whether a son should leave for the capital. The film runs for 94 minutes.",
            ),
            (
                "paragraph",
                "The jury described the film as patient and unsentimental, and praised its refusal to explain what its subjects already understood. Aarde, who completed the editing abroad, dedicated the award to the families, none of whom traveled to the festival. He spent most of the shooting period living in a rented room in Lindholm.",
            ),
            (
                "quote",
                {
                    "text": "They let me stay in their kitchens for a year. The least I can do is not put their faces on a red carpet.",
                    "attribution": "Nils Aarde, director of Dry Furrows",
                },
            ),
            ("heading", "A reply from the state broadcaster"),
            (
                "paragraph",
                "Two days after the award, NTV-1 broadcast a segment calling the film a staged production paid for by foreign sponsors. The report included an interview with a man it described as a Lindholm farmer, who said the film crew had paid residents to complain. Residents reached by The Lantern said they did not recognize him. The broadcaster did not say how it had found him or whether he had seen the film.",
            ),
            (
                "paragraph",
                "The segment also claimed that the harvest in the Varta region had been close to normal. That contradicts figures from the Nordavian Farmers' Union and the Ministry of Agriculture's own emergency declaration covering six districts of the region. NTV-1's own news bulletins had reported on the emergency during the summer.",
            ),
            (
                "paragraph",
                "Aarde said he was concerned for the families in the film and had discussed with them, before filming began, how much of their identities to show. Two of the families appear under first names only. He said none had reported any contact from officials since the broadcast, but that he would not screen the film in a way that could be accessed from inside Nordavia for now.",
            ),
            (
                "paragraph",
                "Dry Furrows is Aarde's third feature documentary. His previous film, about a closed shipyard in Korvik, was shown on Nordavian television before he left the country. It won a domestic award at the time.",
            ),
        ],
        "sources": [
            {
                "name": "Kura Documentary Days",
                "url": "https://example.com/kura-docdays/awards",
            },
            {
                "name": "Nordavian Farmers' Union",
                "url": "https://example.org/nordavia-farmers-union/harvest-estimate",
            },
        ],
        "correction": None,
    },
    # ------------------------------------------------------------------
    # INVESTIGATIONS (4)
    # ------------------------------------------------------------------
    {
        "slug": "nordbro-offshore-companies-state-road-contracts",
        "section": "investigations",
        "headline": "How a state road builder's owners moved money through offshore companies",
        "standfirst": "Nordbro Construction Group has won more than 14 billion marks in state road contracts. Documents reviewed by The Lantern show a large share flowed to subcontractors controlled by its owners abroad.",
        "dateline": "Vilnius",
        "authors": ["ana-brook"],
        "tags": ["corruption", "budget", "banking", "sanctions"],
        "hours_ago": 200,
        "updated_hours_ago": 170,
        "body": [
            (
                "paragraph",
                "Over the past six years, Nordbro Construction Group has become the largest private recipient of road-building money in Nordavia, winning more than 14 billion marks in contracts from the Ministry of Transport and regional administrations, including Korvik's. Many of those contracts were awarded in tenders in which Nordbro was the only bidder. The company's annual revenue has grown more than fivefold over the same period.",
            ),
            (
                "paragraph",
                "Corporate filings, bank records and internal correspondence reviewed by The Lantern show that a substantial part of that money did not stay in Nordavia. At least 3.2 billion marks were paid by Nordbro to four subcontractors registered in Cyprus and the Seychelles for engineering services, equipment leasing and consulting. All four are ultimately owned by trusts whose beneficiaries include Nordbro's founder, Gustav Helm, and his two adult children. The Lantern obtained the documents from a source with access to the company's accounts and verified them against public filings and court records.",
            ),
            ("heading", "The chain of payments"),
            (
                "paragraph",
                "The documents show a recurring pattern. Shortly after a state payment reached Nordbro's account at Unity Bank, the company transferred a similar sum to one of the offshore subcontractors. The invoices describe services such as project design review, but engineers who worked on the roads said they had never received or heard of such reviews. One subcontractor, according to its filings, had no employees.",
            ),
            (
                "pull_quote",
                "One of the subcontractors, according to its own filings, had no employees.",
            ),
            (
                "paragraph",
                "From there, money moved to accounts in several jurisdictions and, in some cases, was used to buy property. The Lantern identified two apartments in a European capital and a villa on the Adriatic coast held by companies in the same ownership structure. Those properties are used by members of the Helm family, according to local registry records and social media posts.",
            ),
            (
                "quote",
                {
                    "text": "Paying your own offshore company for services nobody can describe is one of the oldest ways to take money out of a public contract.",
                    "attribution": "Jana Virk, forensic accountant who reviewed the documents for The Lantern",
                },
            ),
            (
                "paragraph",
                "Helm has been a member of the National Unity Front's campaign finance committee and has appeared alongside President Arvid Rask at the openings of several road projects. Nordbro also donated to the Front's campaigns, according to party financial reports. Unity Bank, which processed the transfers, has been under sanctions for several weeks, though most of the payments examined predate them.",
            ),
            (
                "paragraph",
                "After publication, Nordbro said in a statement that all its contracts had been awarded lawfully, that its subcontractors provided genuine services and that it would consider legal action against The Lantern. The company did not address specific questions about the offshore firms' staff or the property purchases. Helm did not respond to requests for comment.",
            ),
        ],
        "sources": [
            {
                "name": "Nordavian Unified Register of Legal Entities",
                "url": "https://example.org/nordavia-registry/nordbro-construction-group",
            },
            {
                "name": "Nordavian public procurement portal",
                "url": "https://example.org/nordavia-procurement/contractor/nordbro",
            },
        ],
        "correction": None,
    },
    {
        "slug": "ruben-aal-letters-penal-colony-7",
        "section": "investigations",
        "headline": "Letters from Colony No. 7: a jailed reporter describes his second year",
        "standfirst": "Ruben Aal, a former Vesna Daily reporter serving eight years for treason, has written more than sixty letters from prison. His family shared them with The Lantern.",
        "dateline": "Riga",
        "authors": ["ana-brook"],
        "tags": ["prisons", "media", "human-rights", "courts"],
        "hours_ago": 700,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "Ruben Aal writes to his wife every Sunday. The letters, on lined paper, are limited to four pages and are read by a censor before they leave Penal Colony No. 7, a high-security facility outside Ilmsby. Some arrive weeks late. A few never arrive at all. His wife numbers each one so she can tell which are missing.",
            ),
            (
                "paragraph",
                "Aal, 44, was a reporter for Vesna Daily who covered military conscription in the regions. He was arrested two years ago and convicted of treason for passing what prosecutors called classified information to a foreign organization. The information, according to his lawyers, consisted of publicly available data on draft notices that he had used in a published article. He has always denied the charge, and his appeal was rejected last year.",
            ),
            (
                "image",
                {
                    "caption": "Pages from letters Ruben Aal has sent from Penal Colony No. 7, shared by his family.",
                    "credit": "The Lantern",
                },
            ),
            (
                "paragraph",
                "His wife, Ingrid Aal, shared more than sixty letters with The Lantern. Read together, they give a detailed picture of daily life in the colony and of how a journalist continues to observe while unable to publish. The family agreed to publish excerpts in the hope of drawing attention to his case and to conditions in the colony.",
            ),
            ("heading", "The work and the silence"),
            (
                "paragraph",
                "Aal works in the colony's sewing shop, making uniforms. He writes about the noise of the machines and the quota of collars that must be finished each shift. He notes that the heating in his barracks is switched on only when frost appears on the inside of the windows, and that the library has one shelf of newspapers, all of them at least a month old. He asks for socks, vitamins and dictionaries, and writes long paragraphs about the books he is rereading.",
            ),
            (
                "quote",
                {
                    "text": "I have started a notebook of things I would check if I could make a phone call. It is already forty pages long.",
                    "attribution": "Ruben Aal, in a letter to his wife",
                },
            ),
            (
                "paragraph",
                "Some letters show signs of the censor's hand. Lines are blacked out in passages about his health and about other prisoners. In two letters, Aal writes that he has been placed in a punishment cell, but the reasons have been removed. His lawyer said Aal had been disciplined for refusing to sign a statement renouncing his reporting. The lawyer has been allowed to visit only twice this year.",
            ),
            (
                "pull_quote",
                "I have started a notebook of things I would check if I could make a phone call.",
            ),
            (
                "paragraph",
                "The colony administration did not respond to questions sent through the Nordavian Prison Service. The Ilmsby Human Rights Centre lists Aal among the country's political prisoners and says at least nineteen journalists are currently behind bars in Nordavia. Aal's next parole hearing is not due for three years.",
            ),
        ],
        "sources": [
            {
                "name": "Ilmsby Human Rights Centre",
                "url": "https://example.org/ilmsby-hrc/political-prisoners/ruben-aal",
            },
            {"name": "Vesna Daily", "url": "https://example.org/vesna/aal-case"},
        ],
        "correction": None,
    },
    {
        "slug": "stalhaven-metro-cameras-identify-protesters",
        "section": "investigations",
        "headline": "Stalhaven metro cameras were used to find protesters months later",
        "standfirst": "Internal documents show that a facial recognition system sold as a tool for finding missing people was used to flag more than 200 participants in last spring's protests.",
        "dateline": "Riga",
        "authors": ["ana-brook"],
        "tags": ["surveillance", "protests", "human-rights", "courts"],
        "hours_ago": 1020,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "When the Stalhaven city government installed facial recognition cameras at the entrances of the metro system, officials said the technology would help find missing children and wanted criminals. Internal documents obtained by The Lantern show that within months it was being used to locate people who had attended anti-government protests. The program was launched with a budget of about 1.4 billion marks.",
            ),
            (
                "paragraph",
                "The documents, which include software logs, memos and lists of alerts, cover a period of about seven months. They show that police uploaded photographs of 212 people taken at demonstrations in central Stalhaven to the system's watch list. When any of them passed through a metro turnstile, an alert was sent to a police unit at the station. The Lantern verified the documents by comparing them with court records and with the accounts of people named in them.",
            ),
            ("heading", "From the turnstile to the courtroom"),
            (
                "paragraph",
                "The Lantern matched 37 names on the lists with people who were later detained inside the metro, often weeks or months after the protest they had attended. Court records show that most received administrative sentences of ten to fifteen days in custody. At least six were later charged with criminal offenses. Several of those detained told The Lantern they had not attended any protest since.",
            ),
            (
                "quote",
                {
                    "text": "I was on my way to work. Two officers were waiting at the bottom of the escalator, and one of them had my photograph on his phone.",
                    "attribution": "Mattias, 26, a software tester detained at Central Station, who asked that his surname not be used",
                },
            ),
            (
                "paragraph",
                "The system is operated by Vigil Systems, a company contracted by the Stalhaven City Transport Authority. Its contract, published on the procurement portal, describes the project as a public safety platform and says nothing about protests. Vigil Systems did not reply to questions. The transport authority said it did not control how law enforcement used the data.",
            ),
            (
                "paragraph",
                "The documents also show that the watch list was expanded over time. Early entries were accompanied by a reference to a specific criminal case. Later entries referred only to participation in unauthorized public events, and some had no justification at all. A memo from the police unit asks operators to prioritize alerts tied to what it calls repeat participants.",
            ),
            (
                "paragraph",
                "The Ilmsby Human Rights Centre said the findings confirmed what many detainees had suspected but could not prove. It has filed complaints on behalf of four people, arguing that the use of biometric data without a court order violates the constitution. The Stalhaven courts have so far rejected them.",
            ),
            (
                "paragraph",
                "Similar camera systems have since been installed in the centers of Korvik and Ilmsby, according to regional procurement records.",
            ),
        ],
        "sources": [
            {
                "name": "Ilmsby Human Rights Centre",
                "url": "https://example.org/ilmsby-hrc/surveillance/metro-complaints",
            },
            {
                "name": "Stalhaven City Transport Authority, procurement records",
                "url": "https://example.org/nordavia-procurement/stalhaven-transport/vigil",
            },
        ],
        "correction": None,
    },
    {
        "slug": "korvik-hospital-renovation-nordbro-linked-firms",
        "section": "investigations",
        "headline": "Korvik hospital renovation money went to firms linked to Nordbro",
        "standfirst": "The regional government paid 2.3 billion marks to renovate Korvik Regional Hospital. Most of it went to companies tied to the owners of Nordbro Construction Group. The roof still leaks.",
        "dateline": "Vilnius",
        "authors": ["ana-brook", "tomas-varga"],
        "tags": ["corruption", "health", "regions", "budget"],
        "hours_ago": 1,
        "updated_hours_ago": None,
        "body": [
            (
                "paragraph",
                "Three years ago, Governor Leif Ormsson stood in the lobby of Korvik Regional Hospital and promised that a full renovation would make it the most modern hospital outside the capital. The regional government has since paid out 2.3 billion marks for the work. Much of the hospital looks as it did before.",
            ),
            (
                "paragraph",
                "Procurement records reviewed by The Lantern show that the main renovation contract went to Korvik Stroy, a company that had been registered only four months before the tender. Korvik Stroy then passed most of the work, and about 1.6 billion marks, to subcontractors. Three of them share directors, addresses or offshore owners with Nordbro Construction Group, the road builder whose payments to offshore firms The Lantern reported last week. Korvik Stroy's sole founder at the time of the tender was a 24-year-old former employee of a Nordbro subsidiary.",
            ),
            ("heading", "Paid for, not delivered"),
            (
                "paragraph",
                "According to the contract, the renovation was to include a new roof, replacement of the heating and ventilation systems and a refurbished surgical wing. Staff at the hospital, who spoke on condition of anonymity, said the surgical wing was finished but that the roof over the therapy building still leaks and the heating system has not been replaced. Acceptance certificates signed by the regional health department nonetheless record all three jobs as complete. The certificates were signed in the final week of the budget year.",
            ),
            (
                "quote",
                {
                    "text": "We put buckets in the corridor when it rains. Then we read on the regional website that the roof was replaced.",
                    "attribution": "A nurse at Korvik Regional Hospital",
                },
            ),
            (
                "paragraph",
                "The same hospital ran out of insulin several weeks ago, and staff say budgets for medicines and nursing posts have been cut this year. The draft national budget reduces hospital funding in Korvik further. Doctors said the renovated surgical wing has operated at reduced capacity because of staff shortages.",
            ),
            (
                "paragraph",
                "Jana Virk, a forensic accountant who reviewed the records for The Lantern, said the pattern of a newly created main contractor passing work to related subcontractors at higher prices was a common way to obscure who ultimately benefits from a public contract. She said the prices for materials in the subcontracts were in several cases double those in comparable public tenders.",
            ),
            (
                "paragraph",
                "Korvik Stroy's listed director did not respond to calls. Nordbro said it had no ownership stake in Korvik Stroy and was not responsible for its subcontractors. The regional administration said the renovation had been audited and that no violations had been found. It declined to share the audit.",
            ),
            (
                "paragraph",
                "Ormsson, re-elected this week with 71 percent of the vote, did not mention the hospital during his campaign.",
            ),
        ],
        "sources": [
            {
                "name": "Nordavian public procurement portal",
                "url": "https://example.org/nordavia-procurement/korvik-health/hospital-renovation",
            },
            {
                "name": "Nordavian Unified Register of Legal Entities",
                "url": "https://example.org/nordavia-registry/korvik-stroy",
            },
        ],
        "correction": None,
    },
]
