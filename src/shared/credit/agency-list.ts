/**
 * The agencies, pools, government handout sources, stock libraries and publications that
 * news pages credit, as data. One line an organisation, six fields separated by "|":
 *
 *     canonical name | aliases | former names | other scripts | style spellings | kind
 *
 * - aliases, former names and other scripts: ";"-separated spellings that name the same
 *   organisation ("Rex Features" is Shutterstock's former name, 新华社 is Xinhua). A spelling
 *   with "/" ("EPA/EFE") is read as one organisation when a credit prints it that way.
 * - style spellings: ","-separated `style=Spelling` pairs for the house styles that spell the
 *   name their own way (`reuters=KCNA`); a style without one prints the canonical name.
 * - kind: agency (default), pool, handout (a government or company source), stock,
 *   publication.
 *
 * To add an organisation, add a line; keep the list sorted within its section. Users add
 * their own in Settings (custom agencies), which join this list at run time.
 */
export const AGENCY_LIST = `
# Global wire services and their photo services
AP | Associated Press; The Associated Press; AP Photo; AP Images; AP Photos | | | | agency
Reuters | Thomson Reuters; Reuters Photo; Reuters Pictures | | رويترز; Рейтер; Рейтерс; 路透社; 로이터 | | agency
AFP | Agence France-Presse; Agence France Presse; AFP Photo; AFP PHOTO; AFP Files | | أ ف ب; فرانس برس; 法新社; 프랑스통신; AФП | | agency
Getty Images | Getty; Getty Images News; Getty Images Sport; Getty Images Entertainment | | 盖蒂图片社 | | agency
EPA-EFE | EPA; European Pressphoto Agency; EPA Images; epa-efe; EPA/EFE; EPA-EFE/EFE | European Pressphoto Agency | | | agency
EFE | Agencia EFE | | | | agency
dpa | Deutsche Presse-Agentur; dpa picture alliance; picture alliance; picture-alliance; DPA Picture-Alliance | | | | agency
ANSA | Agenzia ANSA | | | | agency
UPI | United Press International | | | | agency
Bloomberg | Bloomberg News; Bloomberg via Getty Images | | | | agency
Kyodo | Kyodo News; Kyodo News Agency | | 共同; 共同通信; 共同通信社; 교도; 교도통신; Киодо | | agency
Jiji Press | Jiji; Jiji Press Photo | | 時事; 時事通信; 時事通信社; 時事通信フォト | | agency
Xinhua | Xinhua News Agency; Xinhua Press | | 新华社; 新華社; 新华网; 新華網; Синьхуа; 신화통신; 신화사; شينخوا | | agency
China News Service | CNS; Chinanews | | 中新社; 中国新闻社; 中國新聞社 | | agency
VCG | Visual China Group | | 视觉中国; 視覺中國 | | agency
China Daily | | | 中国日报; 中國日報 | | publication
Yonhap | Yonhap News Agency; Yonhap News; Yonhap Photo | | 연합뉴스; 연합; 聯合ニュース; 聯合通信; 韩联社; 韓聯社 | | agency
Newsis | | | 뉴시스 | | agency
News1 | News1 Korea | | 뉴스1 | | agency
Korean Central News Agency | KCNA; Korean Central News Agency of DPRK | | 조선중앙통신; 朝鲜中央通讯社; Центральное телеграфное агентство Кореи | reuters=KCNA, afp=KCNA, epa=KCNA, getty=KCNA | agency
Korea News Service | KNS | | 조선통신 | afp=KNS, epa=KNS | agency
Rodong Sinmun | | | 로동신문; 노동신문 | | publication
TASS | ITAR-TASS; TASS News Agency; TASS Photo; TASS Photo Chronicle | ITAR-TASS | ТАСС; ИТАР-ТАСС; Фотохроника ТАСС; Фото ИТАР-ТАСС; Агентство Фото ИТАР-ТАСС; 塔斯社 | | agency
Sputnik | Sputnik News; RIA Novosti; Ria Novosti; RIA; RIA-Novosti | RIA Novosti | РИА Новости; РИА; Спутник; 俄新社 | | agency
Interfax | Interfax-Ukraine | | Интерфакс; Інтерфакс-Україна | | agency
Ukrinform | | | Укрінформ; Укрінформ фото | | agency
UNIAN | | | УНІАН | | agency
Kommersant | | | Коммерсантъ; Коммерсант | | publication
Izvestia | | | Известия | | publication
BelTA | | | БелТА | | agency
Kazinform | | | Казинформ | | agency
Anadolu | Anadolu Agency; Anadolu Ajansi; Anadolu Ajansı; AA; AA Photo | | الأناضول; وكالة الأناضول; Анадолу | | agency
DHA | Demirören Haber Ajansı; Demiroren News Agency; DHA Photo; Dogan News Agency | Dogan News Agency | | | agency
IHA | Ihlas News Agency; İhlas Haber Ajansı | | | | agency
PAP | Polish Press Agency; Polska Agencja Prasowa | | | | agency
CTK | Czech News Agency; ČTK | | | | agency
MTI | Hungarian News Agency | | | | agency
BTA | Bulgarian News Agency | | | | agency
Agerpres | | | | | agency
Hina | | | | | agency
Tanjug | | | Танјуг | | agency
ANA-MPA | Athens-Macedonian News Agency; ANA | | ΑΠΕ-ΜΠΕ | | agency
Belga | Belga Photo | | | | agency
ANP | ANP Photo | | | | agency
NTB | NTB Scanpix | | | | agency
TT | TT News Agency | | | | agency
Ritzau Scanpix | Ritzau | | | | agency
Lehtikuva | | | | | agency
Keystone | Keystone-SDA; KEYSTONE | | | | agency
APA | APA-PictureDesk | | | | agency
Lusa | | | | | agency
Europa Press | | | | | agency
LaPresse | | | | | agency
AGI | | | | | agency
Notimex | | | | | agency
Agencia Brasil | Agência Brasil | | | | agency
Telam | Télam | | | | agency
Prensa Latina | | | | | agency
PTI | Press Trust of India; PTI Photo | | पीटीआई | | agency
ANI | Asian News International | | | | agency
IANS | | | | | agency
APP | Associated Press of Pakistan | | | | agency
BSS | Bangladesh Sangbad Sangstha | | | | agency
VNA | Vietnam News Agency; TTXVN | | Thông tấn xã Việt Nam | | agency
VNP | Vietnam News Pictorial; Vietnam Pictorial | | | | publication
Antara | Antara Foto; ANTARA FOTO; Antara News | | | | agency
Bernama | | | | | agency
PNA | Philippine News Agency | | | | agency
Thai News Agency | TNA | | สำนักข่าวไทย | | agency
AAP Image | AAP; Australian Associated Press; AAP Photo; AAP Photos | | | | agency
NZME | | | | | publication
PA Images | PA; PA Wire; Press Association; PA Media; PA Photos | Press Association | | | agency
CP | The Canadian Press; Canadian Press | | | | agency
IRNA | Islamic Republic News Agency | | ایرنا; خبرگزاری جمهوری اسلامی; إرنا | | agency
ISNA | Iranian Students' News Agency | | ایسنا | | agency
Tasnim | Tasnim News Agency | | تسنیم | | agency
Fars | Fars News Agency | | فارس; خبرگزاری فارس | | agency
Mehr | Mehr News Agency | | مهر | | agency
WANA | West Asia News Agency | | | | agency
SANA | Syrian Arab News Agency | | سانا; الوكالة العربية السورية للأنباء | | agency
WAFA | Palestinian News Agency | | وفا; وكالة الأنباء الفلسطينية | | agency
SPA | Saudi Press Agency | | واس; وكالة الأنباء السعودية | | agency
WAM | Emirates News Agency | | وام; وكالة أنباء الإمارات | | agency
QNA | Qatar News Agency | | قنا; وكالة الأنباء القطرية | | agency
KUNA | Kuwait News Agency | | كونا; وكالة الأنباء الكويتية | | agency
MENA | Middle East News Agency | | أ ش أ; وكالة أنباء الشرق الأوسط | | agency
INA | Iraqi News Agency | | واع; وكالة الأنباء العراقية | | agency
Petra | Jordan News Agency | | بترا | | agency
NNA | National News Agency | | الوكالة الوطنية للإعلام | | agency
TAP | Tunis Afrique Presse | | وات; وكالة تونس إفريقيا للأنباء | | agency
APS | Algérie Presse Service | | وأج | | agency
MAP | Maghreb Arabe Presse | | لاماب | | agency
Al Jazeera | | | الجزيرة | | publication
Al Arabiya | | | العربية | | publication
GPO | Government Press Office; Israeli Government Press Office | | לע"מ | | handout
Flash90 | Flash 90 | | | | agency

# Photo agencies and distributors
NurPhoto | Nur Photo | | | | agency
SIPA | Sipa Press; SIPA USA; Sipa; Sipa USA | | | | agency
ZUMA Press | ZUMA; ZUMA Wire; ZUMAPRESS.com; Zuma Press Wire; ZUMA Press Wire | | | | agency
SOPA Images | SOPA Images/LightRocket; SOPA | | | | agency
LightRocket | | | | | agency
Abaca | Abaca Press; ABACAPRESS.COM | | | | agency
Invision | | | | | agency
Splash News | Splash News and Pictures; Splash | | | | agency
Barcroft Media | Barcroft Images; Barcroft | | | | agency
Bettmann | Bettmann Archive; Bettmann/Corbis | | | | agency
Corbis | Corbis News | | | | agency
Magnum Photos | Magnum | | | | agency
VII Photo | VII | | | | agency
Redux | Redux Pictures | | | | agency
Polaris | Polaris Images | | | | agency
Contrasto | | | | | agency
Panos Pictures | Panos | | | | agency
Agence VU | VU | | | | agency
Hans Lucas | | | | | agency
Hollandse Hoogte | | | | | agency
Reporter | Agencja Reporter | | | | agency
East News | | | | | agency
Forum | Agencja Forum | | | | agency
Alamy | Alamy Stock Photo; Alamy Live News | | | | stock
Shutterstock | Rex; Rex Features; REX Shutterstock; Rex/Shutterstock; REX/Shutterstock; Rex Features/Shutterstock; Shutterstock Editorial | Rex Features; Rex | | | stock
iStock | iStockphoto | | | | stock
Adobe Stock | | | | | stock
Dreamstime | | | | | stock
123RF | | | | | stock
Depositphotos | | | | | stock
Pond5 | | | | | stock
Unsplash | | | | | stock
Pexels | | | | | stock
Pixabay | | | | | stock
Wikimedia Commons | | | | | stock
Imago | IMAGO; imago images | | | | agency
Sportsphoto Ltd. | Sportsphoto; Sportsphoto Ltd | | | | agency
Action Images | | | | | agency
Allstar | Allstar Picture Library | | | | agency
BPI | | | | | agency
Startraks Photo | Startraks | | | | agency
Everett Collection | Everett | | | | agency
Ronald Grant | Ronald Grant Archive | | | | agency
WireImage | | | | | agency
FilmMagic | | | | | agency
Icon Sportswire | | | | | agency
USA TODAY Sports | USA Today Sports; USA TODAY NETWORK | | | | agency
Cal Sport Media | | | | | agency
PressFocus | | | | | agency
Offside | | | | | agency
Backgrid | | | | | agency
Avalon | | | | | agency
Eyevine | | | | | agency
Camera Press | | | | | agency
Fox Photos | | | | | agency
Keystone-France | | | | | agency
Roger-Viollet | | | | | agency
National Geographic | National Geographic Image Collection | | | | publication
NBCU Photo Bank | NBC Universal Photo Bank | | | | stock
CBS Photo Archive | | | | | stock

# Pools
Pool | Pool Photo; POOL; Pool photo | | Пул; 代表撮影 | | pool
Kremlin Pool | Kremlin Pool Photo | | Пул Кремля | | pool
White House Pool | White House Pool Photo | | | | pool
Sputnik Pool | | | | | pool

# Government and other handout sources
Unification Ministry | Ministry of Unification | | 통일부 | | handout
Ukrainian Presidential Press Service | Presidential Press Service | | прес-служба АП; Офіс президента | | handout
Russian Defence Ministry | Russian Defense Ministry Press Service | | Минобороны России; Министерство обороны России | | handout
Iranian Presidency | Iranian Presidency Office | | | | handout
Iranian Supreme Leader's Office | Khamenei.ir | | | | handout
Israel Defense Forces | IDF | | צה"ל | | handout
U.S. Navy | US Navy; United States Navy | | | | handout
U.S. Army | US Army | | | | handout
U.S. Air Force | US Air Force | | | | handout
U.S. Department of Defense | DoD; Department of Defense | | | | handout
U.S. Customs and Border Protection | CBP | | | | handout
NASA | | | | | handout
ESA | European Space Agency | | | | handout
Maxar Technologies | Maxar; Satellite image ©2024 Maxar Technologies | | | | handout
Planet Labs | | | | | handout
The White House | White House | | | | handout
Downing Street | No 10 Downing Street | | | | handout
Kensington Palace | | | | | handout
Vatican Media | Vatican News | | | | handout
Japan's Defense Ministry | Japan Defense Ministry; Joint Staff Office of the Defense Ministry of Japan | | 防衛省 | | handout
South Korean Defense Ministry | | | 국방부 | | handout
China Coast Guard | | | 中国海警 | | handout
Philippine Coast Guard | | | | | handout

# Newspapers and publications
The New York Times | New York Times; NYT; The NYT | | | | publication
The Washington Post | Washington Post | | | | publication
USA TODAY | USA Today | | | | publication
The Wall Street Journal | Wall Street Journal; WSJ | | | | publication
Los Angeles Times | LA Times | | | | publication
Chicago Tribune | | | | | publication
Star Tribune | | | | | publication
The Boston Globe | Boston Globe | | | | publication
The Guardian | Guardian | | | | publication
The Observer | | | | | publication
The Times | | | | | publication
The Telegraph | Daily Telegraph | | | | publication
Financial Times | FT | | | | publication
The Economist | | | | | publication
Le Monde | | | | | publication
Der Spiegel | | | | | publication
Haaretz | | | | | publication
The Korea Herald | Korea Herald | | | | publication
The Korea Times | Korea Times | | | | publication
The Japan Times | Japan Times | | | | publication
South China Morning Post | SCMP | | | | publication
The Straits Times | Straits Times | | | | publication
Daily Sabah | | | | | publication
The Hindu | | | | | publication
Hindustan Times | | | | | publication
The Times of India | Times of India | | | | publication
Dawn | | | | | publication
TIME | Time Magazine | | | | publication
Newsweek | | | | | publication
CNN | | | | | publication
BBC | | | | | publication
NBC News | | | | | publication

# More national news agencies
STA | Slovenian Press Agency | | | | agency
TASR | News Agency of the Slovak Republic | | | | agency
LETA | | | | | agency
ELTA | | | | | agency
BNS | Baltic News Service | | | | agency
KNA | Katholische Nachrichten-Agentur | | | | agency
epd | Evangelischer Pressedienst | | | | agency
CNA | Central News Agency | | 中央社; 中央通訊社 | | agency
NHK | | | 日本放送協会 | | publication
KPL | Lao News Agency | | | | agency
AKP | Agence Kampuchea Presse | | | | agency
MNA | Myanmar News Agency | | | | agency
RSS | Rastriya Samachar Samiti | | | | agency
Pajhwok | Pajhwok Afghan News | | | | agency
Bakhtar | Bakhtar News Agency | | | | agency
Kabar | | | Кабар | | agency
Khovar | | | Ховар | | agency
UzA | National News Agency of Uzbekistan | | ЎзА | | agency
Azertac | AZERTAC | | Азертадж | | agency
Trend | Trend News Agency | | | | agency
Armenpress | | | Արմենպրես; Арменпресс | | agency
Interpressnews | IPN | | | | agency
TPS | Tazpit Press Service | | | | agency
BNA | Bahrain News Agency | | بنا; وكالة أنباء البحرين | | agency
ONA | Oman News Agency | | العمانية | | agency
Saba | Saba News Agency | | سبأ | | agency
SUNA | Sudan News Agency | | سونا | | agency
LANA | Libyan News Agency | | وال | | agency
TRT | TRT World | | | | publication
NAN | News Agency of Nigeria | | | | agency
ENA | Ethiopian News Agency | | | | agency
Andina | Agencia Andina | | | | agency
Noticias Argentinas | NA | | | | agency
Agencia Uno | | | | | agency
Aton Chile | | | | | agency
Cuartoscuro | | | | | agency
Xinhua/Photoshot | | | | | agency

# More photo agencies
Le Pictorium | | | | | agency
Bestimage | | | | | agency
MaxPPP | | | | | agency
Divergence | Divergence Images | | | | agency
Panoramic | | | | | agency
Icon Sport | | | | | agency
Mirrorpix | | | | | agency
News Licensing | | | | | agency
Alpha Press | | | | | agency
MEGA | MEGA Agency | | | | agency
GC Images | | | | | agency
Gamma-Rapho | Gamma Rapho; Gamma | | | | agency
Hulton Archive | Hulton | | | | agency
Archive Photos | | | | | agency
Popperfoto | | | | | agency
Sygma | | | | | agency
Photoshot | | | | | agency
EyePress | EyePress News | | | | agency
Imaginechina | | | | | agency
China Foto Press | | | | | agency
Feature China | | | | | agency
CFOTO | | | | | agency
Costfoto | | | | | agency
Aflo | | | アフロ | | agency
The Yomiuri Shimbun | Yomiuri Shimbun; Yomiuri | | 読売新聞 | | publication
The Asahi Shimbun | Asahi Shimbun; Asahi | | 朝日新聞 | | publication
The Mainichi | Mainichi Shimbun; Mainichi | | 毎日新聞 | | publication
Sankei | Sankei Shimbun | | 産経新聞 | | publication
Nikkei | | | 日本経済新聞 | | publication
Newscom | | | | | agency
Pacific Press | | | | | agency
Majority World | | | | | agency
Contact Press Images | | | | | agency
NOOR | NOOR Images | | | | agency
laif | | | | | agency
Ostkreuz | | | | | agency
Action Press | | | | | agency
Sven Simon | | | | | agency
Eibner | | | | | agency
Wostok Press | | | | | agency
Kommersant Photo | | | | | agency
Russian Look | | | | | agency
Photoxpress | | | | | agency
Agencja Gazeta | | | | | agency
Profimedia | | | | | agency
Pixsell | | | | | agency
Sportsfile | | | | | agency
Inpho | | | | | agency
ProSports | | | | | agency
Colorsport | | | | | agency
Pro Shots | | | | | agency
NBAE | NBAE via Getty Images | | | | agency
MLB Photos | | | | | agency
Allsport | | | | | agency
Bongarts | | | | | agency
DPPI | | | | | agency
Presse Sports | | | | | agency
Middle East Images | | | | | agency
Anadolu via Getty Images | | | | | agency
Reportage by Getty Images | Reportage | | | | agency

# More stock and archive libraries
Science Photo Library | SPL | | | | stock
Bridgeman Images | Bridgeman | | | | stock
Mary Evans Picture Library | Mary Evans | | | | stock
Granger | The Granger Collection | | | | stock
AKG-images | akg-images | | | | stock
Heritage Images | | | | | stock
Universal Images Group | UIG | | | | stock
Photo12 | Photo 12 | | | | stock
Leemage | | | | | stock
RMN-Grand Palais | | | | | stock
Stocksy | Stocksy United | | | | stock
Westend61 | | | | | stock
Masterfile | | | | | stock
SuperStock | | | | | stock
age fotostock | | | | | stock
Image Source | | | | | stock
Fotolia | | | | | stock
Freepik | | | | | stock
Flickr | | | | | stock
Library of Congress | | | | | stock
National Archives | NARA | | | | stock

# More pools
Press Pool | | | | | pool
Joint Press Corps | | | 사진공동취재단; 공동취재사진; 공동취재단 | | pool
Elysee Pool | Élysée Pool | | | | pool
Downing Street Pool | | | | | pool
Pool New | | | | | pool

# More government, military and other handout sources
Ukrainian Armed Forces | Armed Forces of Ukraine | | ЗСУ; Збройні сили України | | handout
General Staff of the Armed Forces of Ukraine | Ukrainian General Staff | | Генштаб ЗСУ | | handout
State Emergency Service of Ukraine | Ukrainian State Emergency Service | | ДСНС; ДСНС України | | handout
National Police of Ukraine | | | Національна поліція України | | handout
IRGC | Sepah News; Islamic Revolutionary Guard Corps | | سپاه نیوز | | handout
Iranian Army | | | | | handout
Syrian Presidency | | | | | handout
Saudi Royal Court | | | | | handout
Egyptian Presidency | | | | | handout
Turkish Presidential Press Office | Turkish Presidency | | | | handout
PIB | Press Information Bureau | | | | handout
ISPR | Inter-Services Public Relations | | | | handout
China's Ministry of National Defense | | | 中国国防部 | | handout
Taiwan Ministry of National Defense | | | 國防部 | | handout
Japan Coast Guard | | | 海上保安庁 | | handout
JMSDF | Japan Maritime Self-Defense Force | | 海上自衛隊 | | handout
NOAA | | | | | handout
USGS | U.S. Geological Survey | | | | handout
JAXA | | | | | handout
Roscosmos | | | Роскосмос | | handout
SpaceX | | | | | handout
Airbus DS | Airbus Defence and Space | | | | handout
Copernicus Sentinel | Copernicus | | | | handout
European Union | EU | | | | handout
NATO | | | | | handout
UN Photo | United Nations | | | | handout
UNICEF | | | | | handout
UNHCR | | | | | handout
WHO | World Health Organization | | | | handout
ICRC | International Committee of the Red Cross | | | | handout
State Department | U.S. State Department | | | | handout
FBI | | | | | handout
U.S. Coast Guard | US Coast Guard | | | | handout
U.S. Marine Corps | US Marine Corps; USMC | | | | handout
Royal Navy | | | | | handout
UK Ministry of Defence | MoD | | | | handout
Buckingham Palace | | | | | handout
Imperial Household Agency | | | 宮内庁 | | handout
`;
