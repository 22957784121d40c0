/**
 * Real credit lines and captions gathered from published pages and public code (issue 17),
 * each with the address it was read at and the parts a desk would expect. Gathered before
 * the engine was tuned on them. Every third row (see `heldOut`) is kept out of tuning: the
 * corpus test reports the tuned part and the held-out part separately.
 *
 * Classes: L labels and decorations, P "for <publication>", U organisations not in the old
 * agency list, R renamed agencies (EPA/EFE, Rex/Shutterstock), N non-Latin scripts,
 * S separators other than "/" and ",", B plain agency credits.
 */

/** The class a row measures. */
export type RealClass = 'L' | 'P' | 'U' | 'R' | 'N' | 'S' | 'B';

/** One real credit line and its expected parts. */
export interface RealCreditRow {
  cls: RealClass;
  url: string;
  text: string;
  creators: string[];
  agencies: string[];
  pool?: string;
  via?: string[];
  /** Space-separated flags expected true: file handout courtesy illustration. */
  flags?: string;
  publication?: string;
  /** Quoted in the issue as an example: always in the tuned part. */
  seen?: boolean;
}

/** One real caption and the credit it ends with ("" for none). */
export interface RealCaptionRow {
  url: string;
  caption: string;
  credit: string;
}

type More = Omit<RealCreditRow, 'cls' | 'url' | 'text' | 'creators' | 'agencies'>;
const r = (
  cls: RealClass,
  url: string,
  text: string,
  creators: string[],
  agencies: string[],
  more: More = {},
): RealCreditRow => ({ cls, url, text, creators, agencies, ...more });

const LENS = 'http://lens.blogs.nytimes.com/category/uncategorized/page/3/';
const LENS2 = 'http://lens.blogs.nytimes.com/category/behind-the-scenes/page/2/';
const XH = 'http://news.cn/photo/20240601/2b3a6daa603140078d36c425c1a54d87/c.html';
const XH2 = 'http://nmg.news.cn/tpzx/tpxw/2023-01/31/c_1129323989.htm';
const OBR = 'https://obrnadzor-gov.ru/90-foto-za-90-let/';
const WEEK = 'https://theweek.com/photos/the-weeks-best-photos-october-18-2024';
const WEEK2 = 'http://www.hghwonder.com/other/photos';
const ATL = 'https://www.theatlantic.com/photo/2017/04/photos-of-the-week-48414/523038/';
const YNA = 'https://www.yna.co.kr/view/AKR20170217047100013';
const HANI = 'http://herstory.hani.co.kr/arti/society/media/406515.html';
const AFPUS = 'http://blogs.afp.com/correspondent/?tag/US';
const AFPC = 'http://blogs.afp.com/correspondent/';
const AFPI = 'http://blogs.afp.com/correspondent/?category/L-image';
const AFPE = 'http://blogs.afp.com/correspondent/?category/Above-the-fold/Eye-witness';
const AFPP =
  'http://blogs.afp.com/correspondent/?post/2012/12/30/The-ripple-effect:-Backstroke-from-below=';
const EPAI = 'https://epaimages.com/source.pp?id=77';
const EPAW = 'https://www.epa.eu/about-epa/awards/whnpa-eyes-history-2012-portfolio';
const EPAP = 'http://www.epa-photos.com/';
const RTEC = 'http://uk.reuters.com/news/picture/editors-choice?articleId=UKRTR4WCZF';
const RTEC2 = 'http://uk.reuters.com/news/picture/editors-choice?articleId=UKRTX2NRDM';
const RTTOP = 'https://www.reuters.com/news/picture/top-photos-of-the-day-idUSRTX845UT';
const AVX74 = 'https://avax.news/search?page=74&q=happy+feet+moris+sta+ellhnika';
const TP = 'https://www.tygodnikpowszechny.pl/ze-szpakiem-jest-jak-z-hejnalem-16244';
const PP =
  'https://plus.polskanews.pl/piotr-glinski-swiat-zostal-juz-podzielony-ale-my-nadal-probujemy-sie-rozpychac/ar/c15-15948073';
const DZ =
  'https://niepodlegla.dzieje.pl/artykul/prof-kuligowska-korzeniewska-po-teatrze-w-1918-r-oczekiwano-ze-spontanicznie-wyrazi-chwile';
const SABAH = 'https://www.dailysabah.com/gallery/pictures-of-the-year-2021-turkey/images';
const RNK = 'http://uk.reuters.com/news/picture/north-korean-propaganda?articleId=UKRTXOVYR';
const RNK2 = 'http://www.reuters.com/news/picture/inside-north-korea-idUSRTXA3Y2';
const WD =
  'https://world-defense.com/threads/north-south-korea-news-updates-discussions.3747/page-7';
const HN = 'https://hn.cz/autori/mikhail-klimentyev-sputnik-kremlin-pool-photo-via-ap-19676340';
const WT = 'https://www.washingtontimes.com/multimedia/image/11162014_putin8201jpg/';
const CHEAP =
  'https://thecheapinvestor.com/2023/07/14/russias-putin-snubs-prigozhin/russian-president-vladimir-putin-spaeks-to-reporters-of-state-television';
const SHORE =
  'https://www.shorenewsnetwork.com/2022/02/28/no-russian-muscle-movements/file-photo-russian-president-vladimir-putin-visits-the-construction-site';
const GETTY =
  'https://embed.gettyimages.com/embed?assets=899208910,478857185,135613210,134910124,479368473';
const PUTIN = 'https://www.reuters.com/news/picture/putins-art-of-the-photo-op-idUSRTXAY9JE';
const RZ =
  'https://www.rhein-zeitung.de/deutschland-und-welt/panorama_artikel,-putin-eroeffnet-neue-autobahn-von-moskau-nach-st-petersburg-_arid,2673848.html';
const KYO = 'https://main.d358xbzettaslu.amplifyapp.com/en/hashtag/KYODO';
const KYO2 = 'https://immersive.kyodonews.net/japan-and-beyond-week-in-photos/';
const AVX49 = 'https://avax.news/search?page=49&q=tokyo+motion';
const AVX48 = 'https://avax.news/search?page=48&q=fast%2Bfurious%2Btokyo%2Bdrift';
const IRAQ = 'https://avax.news/fact/A_Look_at_Life_in_Iraq_23-04-2022.html';
const AFG = 'http://avax.news/search?page=11&q=Coronavirus%2BAfghanistan';
const FC = 'https://factcheck.afp.com/doc.afp.com.9LP4MK';
const TIME = 'http://time.com/tag/afghanistan/page/3/';
const CY = 'http://confederateyankee.mu.nu/archives/219678.php';
const RFI =
  'https://www.rfi.fr/fr/europe/20230708-ukraine-zelensky-revient-de-turquie-avec-des-membres-des-commandos-azov';
const CD = 'http://global.chinadaily.com.cn/en/focus/snapshotpic.html';
const AVX42 = 'https://avax.news/search?page=42&q=china%2Braise%2Bflag';
const XE = 'https://english.news.cn/20230110/5b53d181867746328571fe6f219141a6/c.html';
const XE2 = 'https://english.news.cn/20220106/ceffa265681a4279a72f60e8f546de96/c.html';
const XE3 = 'https://english.news.cn/20240901/d8f98d3d36824d3a8db4bd83e1453ded/c.html';
const SDF = 'https://sinodefenceforum.com/t/chinese-daily-photos-of-2023.9032/page-35';
const KT =
  'http://www.koreatimes.co.kr/www2/common/photoview.asp?categorycode=510&newsidx=306460&mode=1';
const KT2 =
  'https://www.koreatimes.kr/www2/common/photoview.asp?categorycode=173&newsidx=173311&mode=1';
const ROK = 'https://rokdrop.net/category/picture-of-the-day/page/16';
const AVX1010 = 'http://avax.news/search?page=1010&q=part%2B1%2B%2F';
const AVX17 = 'https://avax.news/search?page=17&q=Dolphin-class+submarine%27';
const AVX279 = 'https://avax.news/search?page=279&q=DCM+for+rent+near+me+nirmal';
const AVX243 = 'https://avax.news/search?page=243&q=african';
const AVX97 = 'https://avax.news/search?page=97&q=prison%2Bbreak%2Bs02e01';
const AVX336 = 'http://avax.news/search?page=336&q=dinosaur%2Bwatching';
const JUD = 'https://myjudaica.online/essay/photo-essays-news';
const CHI = 'http://newsblogs.chicagotribune.com/assignment-chicago/2011/03/index.html';
const RIN = 'http://in.reuters.com/news/picture/india-this-week-idINRTSQ62L';
const PTI = 'http://www.asianetnews.net/agencies/press-trust-of-india';
const OUT1 = 'https://d1ce77.org/national/day-in-pics-may-15-2025';
const OUT2 = 'https://outlookindia.com/national/day-in-pics-february-14-2024';
const IRN =
  'https://www.infantry-center.com/2020/04/05/irans-rouhani-says-low-risk/file-photo-iranian-president-hassan-rouhani-speaks-during-the-cabinet';
const MVN = 'https://myvietnamnews.com/2010/06/06/';
const VNP = 'https://en.vietnamplus.vn/press-contributes-to-national-development/175153.vnp';
const VNA =
  'https://vietnam.vnanet.vn/english/tin-van/vna-recreates-80-proud-milestones-through-a-special-exhibition-space-407140.html';
const K47 =
  'https://melakarnets.com/proxy/index.php?q=https%3A%2F%2Fwww.47news.jp%2Fphoto%2Ffocus-frame%2Fpage7';
const UA =
  'http://patrioty.org.ua/politic/fotoreportazh-petro-poroshenko-vidvidav-zonu-ato-113343.html';
const GCN = 'http://yzzsnet.com/news/4d39135736f6b56c1cb8896acccddfed.html';
const CNS = 'http://fei.caiyicd.com/N_tengteacher.html';
const XTW =
  'http://big5.news.cn/gate/big5/big5.xinhuanet.com/gate/big5/fms.news.cn/swf/2019_qmtt/2_12_2019_qm_z/index.html';
const TRK = 'https://turkpress.co/node/4461';
const CLIO =
  'https://musebyclios.com/year-in-review/the-stories-behind-2024s-most-captivating-photos-from-getty-images';
const BB =
  'http://www.bloomberg.com/news/articles/2012-12-14/from-facebook-ipo-to-tsunami-bloomberg-best-photos-2012';
const AK = 'https://www.ashleyklinger.com/news/photo-phriday-capturing-the-moment';
const GU =
  'https://www.theguardian.com/news/gallery/2022/aug/03/prickly-pears-and-101-mini-tapirs-wednesdays-best-photos';
const RES = 'https://resett.no/?p=7437';
const HUFF = 'https://www.huffingtonpost.kr/entry/story_kr_5df73b78e4b047e8889fd2fa';
const SEA = 'https://photographer-in-seattle.com/author/admin/page/29';
const RPW = 'http://uk.reuters.com/news/picture/photos-of-the-week?articleId=UKRTX2EDLG';
const REC = 'http://uk.reuters.com/news/picture/editors-choice?articleId=UKRTR4PS55';
const GRID =
  'https://github.com/guardian/grid/blob/7e351419e42140f03f67d268890667c5cb802367/common-lib/src/test/scala/com/gu/mediaservice/lib/cleanup/StripBylineFromCreditTest.scala';
const GRID2 =
  'https://github.com/guardian/grid/blob/main/play-common-lib/src/test/scala/com/gu/mediaservice/lib/cleanup/ExtractGuardianCreditFromBylineTest.scala';
const ECIKS = 'https://eciks.org/2826-donald-trump-latest-photos-capture-his-recent-public-moments';
const ALAMY = 'https://www.alamy.com/blog/importance-of-accuracy-in-captions';
const FONT = 'https://www.fontanka.ru/2019/12/12/067/';
const RTTOP2 = 'https://www.reuters.com/news/picture/top-photos-of-the-day-idUSRTXAU4G5';
const RNK3 = 'http://uk.reuters.com/news/picture/on-the-banks-of-north-korea?articleId=UKRTR2C8ND';
const AFGR = 'http://www.reuters.com/news/picture/afghan-war-iconic-images-idUSRTR2S9B8';
const RTOP20 = 'https://www.reuters.com/news/picture/our-top-photos-from-2020-idUSRTX8KHW5';
const TAYGA = 'https://tayga.info/116919';

/** Credit lines. */
export const REAL_CREDITS: RealCreditRow[] = [
  r('B', LENS, 'Pool photo by Smiley N. Pool', ['Smiley N. Pool'], [], { pool: 'Pool' }),
  r('P', LENS, 'Karsten Moran for The New York Times', ['Karsten Moran'], [], {
    publication: 'The New York Times',
    seen: true,
  }),
  r('B', LENS, 'Sebastian Scheiner/Associated Press', ['Sebastian Scheiner'], ['AP']),
  r('P', LENS, 'Justin Edmonds for The New York Times', ['Justin Edmonds'], [], {
    publication: 'The New York Times',
  }),
  r('P', LENS2, 'Samuel Aranda for The New York Times', ['Samuel Aranda'], [], {
    publication: 'The New York Times',
  }),
  r('N', XH, '新华社发(高建中 摄)', ['高建中'], ['Xinhua']),
  r('N', XH, '新华社发(谢集潇 摄)', ['谢集潇'], ['Xinhua']),
  r('N', XH, '新华社记者 陈思汗 摄', ['陈思汗'], ['Xinhua'], { seen: true }),
  r('N', XH2, '新华社记者 刘磊 摄', ['刘磊'], ['Xinhua']),
  r('N', OBR, 'Фотохроника ТАСС, фотограф Алексей Межуев', ['Алексей Межуев'], ['TASS']),
  r(
    'R',
    WEEK2,
    'Rungroj Yongrit / EPA / Shutterstock',
    ['Rungroj Yongrit'],
    ['EPA-EFE', 'Shutterstock'],
  ),
  r('B', WEEK, 'Ernesto Benavides / AFP via Getty Images', ['Ernesto Benavides'], ['AFP'], {
    via: ['Getty Images'],
  }),
  r('B', WEEK, 'Ina Fassbender / Getty Images', ['Ina Fassbender'], ['Getty Images']),
  r('B', WEEK, 'Ishara S. Kodikara / Getty Images', ['Ishara S. Kodikara'], ['Getty Images']),
  r('B', WEEK, 'Robert F. Bukaty / AP', ['Robert F. Bukaty'], ['AP']),
  r('B', WEEK, 'Thomas Mukoya / Reuters', ['Thomas Mukoya'], ['Reuters']),
  r('B', WEEK, 'Francisco Seco / AP', ['Francisco Seco'], ['AP']),
  r('B', ATL, 'Natacha Pisarenko / AP', ['Natacha Pisarenko'], ['AP']),
  r('B', ATL, 'Menahem Kahana / AFP / Getty', ['Menahem Kahana'], ['AFP', 'Getty Images']),
  r('U', ATL, 'Bill Ingalls / NASA / Reuters', ['Bill Ingalls'], ['NASA', 'Reuters']),
  r('B', ATL, 'Ye Aung Thu / AFP / Getty', ['Ye Aung Thu'], ['AFP', 'Getty Images']),
  r('B', ATL, 'Dan Kitwood / Getty', ['Dan Kitwood'], ['Getty Images']),
  r('N', YNA, '인제군 제공', [], ['인제군'], { flags: 'courtesy' }),
  r('N', YNA, '김호천 기자', ['김호천'], []),
  r('N', YNA, '김동민 기자', ['김동민'], []),
  r('N', HANI, '신소영 기자 viator@hani.co.kr', ['신소영'], []),
  r('B', AFPUS, '(AFP Photo/Saul Loeb)', ['Saul Loeb'], ['AFP']),
  r('B', AFPUS, '(AFP Photo/Karen Bleier)', ['Karen Bleier'], ['AFP']),
  r(
    'P',
    AFPUS,
    'Larry Busacca/Getty Images for Mercedes-Benz Fashion Week/AFP',
    ['Larry Busacca'],
    ['Getty Images', 'AFP'],
    { publication: 'Mercedes-Benz Fashion Week' },
  ),
  r(
    'L',
    AFPUS,
    '(Photo: Larry Busacca/Getty Images for Mercedes-Benz Fashion Week/AFP)',
    ['Larry Busacca'],
    ['Getty Images', 'AFP'],
    { publication: 'Mercedes-Benz Fashion Week' },
  ),
  r('B', AFPUS, '(AFP Photo / Asif Hassan)', ['Asif Hassan'], ['AFP']),
  r('B', AFPC, '(AFP PHOTO / PHILIPPE DESMAZES)', ['PHILIPPE DESMAZES'], ['AFP']),
  r('B', AFPC, '(AFP PHOTO / Rizwan TABASSUM)', ['Rizwan TABASSUM'], ['AFP']),
  r('B', AFPC, '(AFP PHOTO / MEHDI FEDOUACH)', ['MEHDI FEDOUACH'], ['AFP']),
  r('B', AFPC, '(AFP PHOTO / GABRIEL BOUYS)', ['GABRIEL BOUYS'], ['AFP']),
  r('B', AFPC, '(AFP PHOTO/MONEY SHARMA)', ['MONEY SHARMA'], ['AFP']),
  r('L', AFPC, '(Photo: AFP / Johannes Eisele)', ['Johannes Eisele'], ['AFP']),
  r('B', AFPI, '(AFP Photo/Pascal Guyot)', ['Pascal Guyot'], ['AFP']),
  r('B', AFPI, '(AFP Photo/Mark Ralston)', ['Mark Ralston'], ['AFP']),
  r('B', AFPI, '(AFP Photo/Raul Arboleda)', ['Raul Arboleda'], ['AFP']),
  r('B', AFPE, '(AFP PHOTO/MENAHEM KAHANA)', ['MENAHEM KAHANA'], ['AFP']),
  r('L', AFPE, '(Photo: AFP / Menahem Kahana)', ['Menahem Kahana'], ['AFP']),
  r('B', AFPE, '(AFP PHOTO / ADEK BERRY)', ['ADEK BERRY'], ['AFP']),
  r('B', AFPE, '(AFP PHOTO / THOMAS SAMSON)', ['THOMAS SAMSON'], ['AFP']),
  r('B', AFPP, '(AFP Photo / Abbas Momani)', ['Abbas Momani'], ['AFP']),
  r('B', AFPP, '(AFP Photo / Angelos Tzortzinis)', ['Angelos Tzortzinis'], ['AFP']),
  r('B', EPAI, 'EPA-EFE/MICHAEL REYNOLDS', ['MICHAEL REYNOLDS'], ['EPA-EFE']),
  r('B', EPAI, 'EPA-EFE/Michael Reynolds', ['Michael Reynolds'], ['EPA-EFE']),
  r('B', EPAW, 'EPA/JIM LO SCALZO', ['JIM LO SCALZO'], ['EPA-EFE'], { seen: true }),
  r('B', EPAP, 'epa/Harish Tyagi', ['Harish Tyagi'], ['EPA-EFE'], { seen: true }),
  r(
    'U',
    RTEC,
    'REUTERS/Wilson Dias/Agencia Brasil/Handout via Reuters',
    ['Wilson Dias'],
    ['Agencia Brasil'],
    { via: ['Reuters'], flags: 'handout' },
  ),
  r(
    'S',
    RTEC2,
    'Mandatory Credit: Jake Roth-USA TODAY Sports',
    ['Jake Roth'],
    ['USA TODAY Sports'],
  ),
  r('B', RTTOP, 'Cristian Mallocci/via REUTERS', ['Cristian Mallocci'], [], { via: ['REUTERS'] }),
  r('U', RTTOP, 'WANA via REUTERS', [], ['WANA'], { via: ['REUTERS'] }),
  r('B', RTTOP, 'Francois Mori/Pool via REUTERS', ['Francois Mori'], [], {
    pool: 'Pool',
    via: ['REUTERS'],
  }),
  r(
    'U',
    AVX74,
    '(Photo by Gerry Cranham/Fox Photos/Getty Images)',
    ['Gerry Cranham'],
    ['Fox Photos', 'Getty Images'],
  ),
  r('U', AVX74, '(Photo by Weronika Gęsicka/The Guardian)', ['Weronika Gęsicka'], ['The Guardian']),
  r('L', AVX74, '(Photo by Feisal Omar/Reuters)', ['Feisal Omar'], ['Reuters']),
  r('L', AVX74, '(Photo by Brendan McDermid/Reuters)', ['Brendan McDermid'], ['Reuters']),
  r(
    'U',
    AVX74,
    '(Photo by William Volcov/Brazil Photo Press/Splash News and Pictures)',
    ['William Volcov'],
    ['Brazil Photo Press', 'Splash News and Pictures'],
  ),
  r('L', AVX74, '(Photo by Arne Dedert/DPA)', ['Arne Dedert'], ['dpa']),
  r(
    'L',
    TP,
    'Fot. Andrzej Iwańczuk / Reporter / East News /',
    ['Andrzej Iwańczuk'],
    ['Reporter', 'East News'],
  ),
  r(
    'L',
    PP,
    'Fot. Anna Kaczmarz / Dziennik Polski / Polska Press',
    ['Anna Kaczmarz'],
    ['Dziennik Polski', 'Polska Press'],
  ),
  r('L', DZ, 'Fot. Serwis Wideo PAP', [], ['Serwis Wideo PAP']),
  r('N', TRK, 'ترك برس – الأناضول', [], ['ترك برس', 'Anadolu']),
  r('B', SABAH, '(AP Photo)', [], ['AP']),
  r('U', SABAH, '(DHA Photo)', [], ['DHA']),
  r('U', SABAH, '(AA Photo)', [], ['Anadolu']),
  r('B', SABAH, '(Getty Images)', [], ['Getty Images']),
  r('B', RNK, 'REUTERS/KCNA', [], ['REUTERS', 'KCNA']),
  r('B', RNK, 'REUTERS/Bobby Yip', ['Bobby Yip'], ['REUTERS']),
  r('B', RNK2, 'REUTERS/Kyodo', [], ['REUTERS', 'Kyodo']),
  r('B', RNK2, 'REUTERS/Damir Sagolj', ['Damir Sagolj'], ['REUTERS']),
  r(
    'U',
    WD,
    'Photo courtesy of Unification Ministry/EPA-EFE',
    [],
    ['Unification Ministry', 'EPA-EFE'],
    { flags: 'courtesy' },
  ),
  r(
    'B',
    HN,
    'Mikhail Klimentyev, Sputnik, Kremlin Pool Photo via AP',
    ['Mikhail Klimentyev'],
    ['Sputnik'],
    { pool: 'Kremlin Pool', via: ['AP'] },
  ),
  r('B', WT, '(AP Photo/Alain Jocard, Pool)', ['Alain Jocard'], ['AP'], { pool: 'Pool' }),
  r(
    'B',
    CHEAP,
    'Sputnik/Alexander Kazakov/Kremlin via REUTERS',
    ['Alexander Kazakov'],
    ['Sputnik', 'Kremlin'],
    { via: ['REUTERS'] },
  ),
  r(
    'B',
    SHORE,
    'Sputnik/Sergey Guneev/Kremlin via REUTERS/File Photo',
    ['Sergey Guneev'],
    ['Sputnik', 'Kremlin'],
    { via: ['REUTERS'], flags: 'file' },
  ),
  r('L', GETTY, '(Photo by Mikhail Svetlov/Getty Images)', ['Mikhail Svetlov'], ['Getty Images']),
  r(
    'L',
    GETTY,
    '(Photo credit should read DMITRY SEREBRYAKOV/AFP via Getty Images)',
    ['DMITRY SEREBRYAKOV'],
    ['AFP'],
    { via: ['Getty Images'] },
  ),
  r('B', GETTY, 'AFP PHOTO / DMITRY SEREBRYAKOV', ['DMITRY SEREBRYAKOV'], ['AFP']),
  r(
    'B',
    PUTIN,
    'RIA Novosti/Pool/Alexei Druzhinin via REUTERS',
    ['Alexei Druzhinin'],
    ['Sputnik'],
    { pool: 'Pool', via: ['REUTERS'] },
  ),
  r(
    'B',
    PUTIN,
    'Sputnik/Alexei Druzhinin/Kremlin via REUTERS',
    ['Alexei Druzhinin'],
    ['Sputnik', 'Kremlin'],
    { via: ['REUTERS'] },
  ),
  r(
    'B',
    PUTIN,
    'Ria Novosti/Pool/Alexei Druzhinin via REUTERS',
    ['Alexei Druzhinin'],
    ['Sputnik'],
    { pool: 'Pool', via: ['REUTERS'] },
  ),
  r('L', RZ, 'Foto: Vyacheslav Prokofyev/DPA', ['Vyacheslav Prokofyev'], ['dpa']),
  r('L', KYO, '© KYODO', [], ['Kyodo']),
  r('B', KYO2, '(Kyodo)', [], ['Kyodo']),
  r('L', AVX49, '(Photo by Toru Hanai/Reuters)', ['Toru Hanai'], ['Reuters']),
  r('U', AVX49, '(Photo by Reuters/US Navy)', [], ['Reuters', 'US Navy']),
  r('L', AVX49, '(Photo by Philip Fong/AFP Photo)', ['Philip Fong'], ['AFP']),
  r('L', AVX49, '(Photo by Eugene Hoshiko/AP Photo)', ['Eugene Hoshiko'], ['AP']),
  r('L', AVX49, '(Photo by Toshifumi Kitamura/AFP Photo)', ['Toshifumi Kitamura'], ['AFP']),
  r('L', AVX48, '(Photo by Hannibal Hanschke/Reuters)', ['Hannibal Hanschke'], ['Reuters']),
  r('L', IRAQ, '(Photo by Mohammed Jalal/Reuters)', ['Mohammed Jalal'], ['Reuters']),
  r('L', IRAQ, '(Photo by Safin Hamed/AFP Photo)', ['Safin Hamed'], ['AFP']),
  r('L', AFG, '(Photo by Omer Abrar/AFP Photo)', ['Omer Abrar'], ['AFP']),
  r('L', AFG, '(Photo by Wakil Kohsar/AFP Photo)', ['Wakil Kohsar'], ['AFP']),
  r('L', AFG, '(Photo by Farshad Usyan/AFP Photo)', ['Farshad Usyan'], ['AFP']),
  r('B', FC, '( AFP / Wakil Kohsar)', ['Wakil Kohsar'], ['AFP']),
  r('S', TIME, 'Mohammad Ismail—Reuters', ['Mohammad Ismail'], ['Reuters']),
  r('B', CY, '(AFP/Wissam Sami)', ['Wissam Sami'], ['AFP']),
  r('S', RFI, 'AFP - HANDOUT', [], ['AFP'], { flags: 'handout', seen: true }),
  r('B', CD, '[Xinhua]', [], ['Xinhua']),
  r('B', CD, '[Reuters]', [], ['Reuters']),
  r('B', CD, '[China Daily]', [], ['China Daily']),
  r('U', AVX42, '(Photo by VCG/VCG via Getty Images)', [], ['VCG'], { via: ['Getty Images'] }),
  r('L', AVX42, '(Photo by Mark Schiefelbein/AP Photo)', ['Mark Schiefelbein'], ['AP']),
  r('R', AVX42, '(Photo by Jerome Favre/EPA/EFE)', ['Jerome Favre'], ['EPA-EFE']),
  r(
    'U',
    AVX42,
    '(Photo by Luo Yunfei/China News Service via Getty Images)',
    ['Luo Yunfei'],
    ['China News Service'],
    { via: ['Getty Images'] },
  ),
  r('U', AVX42, '(Photo by Lian Guoqing/VCG via Getty Images)', ['Lian Guoqing'], ['VCG'], {
    via: ['Getty Images'],
  }),
  r('B', XE, '(Xinhua/Shen Bohan)', ['Shen Bohan'], ['Xinhua']),
  r('B', XE, '(Xinhua/Fan Changguo)', ['Fan Changguo'], ['Xinhua']),
  r('L', XE, '(Photo by Wang Junqiang/Xinhua)', ['Wang Junqiang'], ['Xinhua']),
  r('B', XE2, '(Xinhua/Hu Huhu)', ['Hu Huhu'], ['Xinhua']),
  r('B', XE3, '(Xinhua/Guo Liangchuan)', ['Guo Liangchuan'], ['Xinhua']),
  r('B', SDF, '(Xinhua/Chen Zhonghao)', ['Chen Zhonghao'], ['Xinhua']),
  r('S', KT, 'AFP-Yonhap', [], ['AFP', 'Yonhap']),
  r('S', KT, 'Reuters-Yonhap', [], ['Reuters', 'Yonhap']),
  r('B', KT2, '/ Yonhap', [], ['Yonhap']),
  r('U', KT2, '/ Courtesy of Ewha Womans University', [], ['Ewha Womans University'], {
    flags: 'courtesy',
  }),
  r('B', ROK, '(Pool photo) (Yonhap)', [], ['Yonhap'], { pool: 'Pool' }),
  r('L', ROK, '(PHOTO NOT FOR SALE) (Yonhap)', [], ['Yonhap']),
  r('L', AVX1010, '(Photo by Hussein Faleh/AFP Photo)', ['Hussein Faleh'], ['AFP']),
  r('L', AVX1010, '(Photo by Jon Chol Jin/AP Photo)', ['Jon Chol Jin'], ['AP']),
  r('L', AVX1010, '(Photo by Sergei Ilnitsky/EPA)', ['Sergei Ilnitsky'], ['EPA-EFE']),
  r('L', AVX1010, '(Photo by Abir Sultan/EPA)', ['Abir Sultan'], ['EPA-EFE']),
  r('L', AVX1010, '(Photo by Amit Dave/Reuters)', ['Amit Dave'], ['Reuters']),
  r('L', AVX17, '(Phoot by Yonhap/EPA)', [], ['Yonhap', 'EPA-EFE']),
  r(
    'L',
    AVX17,
    '(Photo by Alexander Zemlianichenko/AP Photo)',
    ['Alexander Zemlianichenko'],
    ['AP'],
  ),
  r(
    'U',
    AVX17,
    '(Photo by Tony Margiocchi/Barcroft Media)',
    ['Tony Margiocchi'],
    ['Barcroft Media'],
  ),
  r(
    'U',
    AVX17,
    '(Photo by Michael Nichols/National Geographic)',
    ['Michael Nichols'],
    ['National Geographic'],
  ),
  r(
    'U',
    AVX17,
    '(Photo by David Joles/Star Tribune via AP Photo)',
    ['David Joles'],
    ['Star Tribune'],
    { via: ['AP'] },
  ),
  r(
    'R',
    AVX279,
    '(Photo by Larry Marano/Rex Features/Shutterstock)',
    ['Larry Marano'],
    ['Shutterstock'],
    { seen: true },
  ),
  r('L', AVX279, '(Photo by Marco Ugarte/AP Photo)', ['Marco Ugarte'], ['AP']),
  r('L', AVX243, '(Photo by Tyrone Siu/Reuters)', ['Tyrone Siu'], ['Reuters']),
  r('U', AVX243, '(Photo by Bettmann Archive/Getty Images)', [], ['Bettmann', 'Getty Images']),
  r('L', AVX97, '(Photo by Carlo Allegri/Reuters)', ['Carlo Allegri'], ['Reuters']),
  r(
    'U',
    AVX97,
    '(Photo by Scott Barbour/AAP Photo/Istanbul Photo Awards 2021)',
    ['Scott Barbour'],
    ['AAP Image', 'Istanbul Photo Awards 2021'],
  ),
  r('L', AVX97, '(Photo by Erich Stering/AFP Photo)', ['Erich Stering'], ['AFP']),
  r('L', AVX97, '(Photo by Petros Karadjias/AP Photo)', ['Petros Karadjias'], ['AP']),
  r('L', JUD, '(Photo by Anastassia Whitty)', ['Anastassia Whitty'], []),
  r('B', CHI, '(AP Photo/Rodrigo Abd)', ['Rodrigo Abd'], ['AP']),
  r('B', RIN, 'REUTERS/Anuwar Hazarika', ['Anuwar Hazarika'], ['REUTERS']),
  r('B', RIN, 'REUTERS/Rupak De Chowdhuri', ['Rupak De Chowdhuri'], ['REUTERS']),
  r('U', PTI, 'PTI Photo', [], ['PTI']),
  r('U', OUT1, 'Photo: AICC via PTI', [], ['AICC'], { via: ['PTI'] }),
  r('U', OUT1, 'Photo: PTI/Ravi Choudhary', ['Ravi Choudhary'], ['PTI']),
  r('U', OUT1, 'Photo: @rajnathsingh on X via PTI', [], ['@rajnathsingh on X'], { via: ['PTI'] }),
  r('U', OUT2, 'Photo: PTI', [], ['PTI']),
  r(
    'U',
    IRN,
    'Official Presidential Website/Handout via REUTERS',
    [],
    ['Official Presidential Website'],
    { via: ['REUTERS'], flags: 'handout' },
  ),
  r('B', MVN, '(AFP files)', [], ['AFP'], { flags: 'file' }),
  r('U', VNP, '(Source: VNA)', [], ['VNA']),
  r('U', VNP, '(Photo: VNA)', [], ['VNA']),
  r('U', VNA, 'Photo: Minh Quyet/VNA', ['Minh Quyet'], ['VNA']),
  r('U', VNA, 'Photo: Thanh Tung/VNA', ['Thanh Tung'], ['VNA']),
  r('U', VNA, 'Photo: Tat Son/VNP', ['Tat Son'], ['VNP']),
  r('N', K47, '(共同)', [], ['Kyodo']),
  r('N', UA, 'Фото: прес-служба АП', [], ['прес-служба АП']),
  r('N', GCN, '圖源:視覺中國', [], ['VCG']),
  r('N', CNS, '李洋 摄', ['李洋'], []),
  r('N', XTW, '新華社記者 歐東衢 攝', ['歐東衢'], ['Xinhua']),
  r('L', CLIO, '(Photo by Ezra Shaw/Getty Images)', ['Ezra Shaw'], ['Getty Images']),
  r('L', BB, 'Photographer: Simon Dawson/Bloomberg', ['Simon Dawson'], ['Bloomberg'], {
    seen: true,
  }),
  r('P', AK, '(image shot by Al Bello for Getty Images)', ['Al Bello'], [], {
    publication: 'Getty Images',
  }),
  r('L', GU, 'Photograph: Mohamed Abd El Ghany/Reuters', ['Mohamed Abd El Ghany'], ['Reuters']),
  r('B', RES, 'REUTERS/Lucas Jackson/File Photo', ['Lucas Jackson'], ['REUTERS'], {
    flags: 'file',
  }),
  r('B', HUFF, 'REUTERS/Ivan Alvarado/File Photo', ['Ivan Alvarado'], ['REUTERS'], {
    flags: 'file',
  }),
  r('B', HUFF, 'Ivan Alvarado / Reuters', ['Ivan Alvarado'], ['Reuters']),
  r('B', HUFF, 'REUTERS/Thomas Peter/File Photo', ['Thomas Peter'], ['REUTERS'], { flags: 'file' }),
  r('L', AVX336, '(Photo by Michael Probst/AP Photo)', ['Michael Probst'], ['AP']),
  r('L', AVX336, '(Photo by Goran Tomasevic/Reuters)', ['Goran Tomasevic'], ['Reuters']),
  r('B', SEA, 'REUTERS/David Ryder', ['David Ryder'], ['REUTERS']),
  r('B', RPW, 'REUTERS/Anindito Mukherjee', ['Anindito Mukherjee'], ['REUTERS']),
  r('B', REC, 'REUTERS/Yannis Behrakis', ['Yannis Behrakis'], ['REUTERS']),
  r(
    'U',
    GRID,
    'Guillermo Arias/Xinhua Press/Corbis',
    ['Guillermo Arias'],
    ['Xinhua Press', 'Corbis'],
  ),
  r(
    'U',
    GRID,
    'GUILLERMO ARIAS/Xinhua Press/Corbis',
    ['GUILLERMO ARIAS'],
    ['Xinhua Press', 'Corbis'],
  ),
  r('U', GRID, 'Startraks Photo/REX', [], ['Startraks Photo', 'Shutterstock']),
  r('R', GRID, 'Huw Evans/REX', ['Huw Evans'], ['Shutterstock']),
  r('U', GRID, 'Warner Bros/Courtesy Everet/REX', [], ['Warner Bros', 'Everet', 'Shutterstock'], {
    flags: 'courtesy',
  }),
  r('U', GRID, 'Kieran McManus/BPI/REX', ['Kieran McManus'], ['BPI', 'Shutterstock']),
  r(
    'U',
    GRID,
    'Eduardo Valente/Frame/AGENCIA/Xinhua Press/Corbis',
    ['Eduardo Valente'],
    ['Frame', 'AGENCIA', 'Xinhua Press', 'Corbis'],
  ),
  r('P', GRID2, 'Helmut Schon for the Guardian', ['Helmut Schon'], [], {
    publication: 'The Guardian',
  }),
  r('P', GRID2, 'Helmut Schon for The GUARDIAN', ['Helmut Schon'], [], {
    publication: 'The Guardian',
  }),
  r('P', GRID2, 'Helmut Schon for the Guardian.', ['Helmut Schon'], [], {
    publication: 'The Guardian',
  }),
  r('L', WT, 'Photo by: Alain Jocard', ['Alain Jocard'], []),
  r(
    'B',
    ECIKS,
    'Brendan Smialowski/AFP/Getty Images',
    ['Brendan Smialowski'],
    ['AFP', 'Getty Images'],
  ),
  r('U', ALAMY, 'Erik Reis / Alamy Stock Photo', ['Erik Reis'], ['Alamy']),
  r('N', FONT, 'автор фото Кузьмин Валентин/Фотохроника ТАСС', ['Кузьмин Валентин'], ['TASS'], {
    seen: true,
  }),
  r('N', TAYGA, '© Наталья Гредина', ['Наталья Гредина'], []),
  r('B', RTTOP, 'REUTERS/Kevin Lamarque', ['Kevin Lamarque'], ['REUTERS']),
  r('B', RTTOP, 'REUTERS/Soe Zeya Tun', ['Soe Zeya Tun'], ['REUTERS']),
  r('B', RTTOP, 'REUTERS/Navesh Chitrakar', ['Navesh Chitrakar'], ['REUTERS']),
  r('B', RTTOP, 'REUTERS/Yuki Iwamura', ['Yuki Iwamura'], ['REUTERS']),
  r('B', RTTOP2, 'REUTERS/Ueslei Marcelino', ['Ueslei Marcelino'], ['REUTERS']),
  r('B', RTTOP2, 'REUTERS/Jorge Duenes', ['Jorge Duenes'], ['REUTERS']),
  r('B', RNK3, 'REUTERS/Jacky Chen', ['Jacky Chen'], ['REUTERS']),
  r('B', RNK2, 'REUTERS/Carlos Barria', ['Carlos Barria'], ['REUTERS']),
  r('B', AFGR, 'REUTERS/Jim Hollander', ['Jim Hollander'], ['REUTERS']),
  r('B', RTOP20, 'REUTERS/Mohamed Azakir', ['Mohamed Azakir'], ['REUTERS']),
  r('B', REC, 'REUTERS/Asmaa Waguih', ['Asmaa Waguih'], ['REUTERS']),
  r('B', REC, 'REUTERS/Ammar Awad', ['Ammar Awad'], ['REUTERS']),
  r(
    'U',
    AVX279,
    '(Photo by Sudipto Das/Wellcome Photography Prize 2021)',
    ['Sudipto Das'],
    ['Wellcome Photography Prize 2021'],
  ),
  r(
    'U',
    AVX279,
    '(Photo by Jonas Borg/Pink Lady Food Awards 2023)',
    ['Jonas Borg'],
    ['Pink Lady Food Awards 2023'],
  ),
  r('L', AVX17, '(Photo by Andreas Franke)', ['Andreas Franke'], []),
  r(
    'L',
    AVX97,
    '(Photo and caption by Andreas Hemb/2017 Sony World Photography Awards)',
    ['Andreas Hemb'],
    ['2017 Sony World Photography Awards'],
  ),
  r('L', AVX97, '(Photo by AP Photo)', [], ['AP']),
  r('L', AVX97, '(Photo by USA Today)', [], ['USA TODAY']),
  r(
    'U',
    AVX243,
    '(Photo by Yaron Schmid/The Nature Conservancy Global Photo Contest 2019)',
    ['Yaron Schmid'],
    ['The Nature Conservancy Global Photo Contest 2019'],
  ),
  r('L', AVX243, '(Photo by Darren Whiteside/Reuters)', ['Darren Whiteside'], ['Reuters']),
];

/** Captions and the credit each ends with. */
export const REAL_CAPTIONS: RealCaptionRow[] = [
  {
    url: 'https://www.reuters.com/news/picture/photos-of-the-week-idUSRTX6WEWY',
    caption:
      'Palestinians break their fast by eating iftar meals during the holy month of Ramadan, near the rubble of a building recently destroyed by Israeli air strikes, in Gaza City, May 18. REUTERS/Ibraheem Abu Mustafa',
    credit: 'REUTERS/Ibraheem Abu Mustafa',
  },
  {
    url: 'https://www.reuters.com/news/picture/photos-of-the-week-idUSRTX6WEWY',
    caption:
      'Jury member Elle Fanning arrives at the screening of "Once Upon a Time in Hollywood" at the Cannes Film Festival in France, May 21. REUTERS/Jean-Paul Pelissier',
    credit: 'REUTERS/Jean-Paul Pelissier',
  },
  {
    url: 'https://www.reuters.com/news/picture/photos-of-the-week-idUSRTX6WEWY',
    caption:
      'British Prime Minister Theresa May reacts as she delivers a statement announcing she will quit, in London, May 24. REUTERS/Toby Melville',
    credit: 'REUTERS/Toby Melville',
  },
  {
    url: 'https://www.reuters.com/news/picture/photos-of-the-week-idUSRTX6WEWY',
    caption:
      'Brexit Party leader Nigel Farage gestures after being hit with a milkshake while arriving for a Brexit Party campaign event in Newcastle, Britain, May 20. REUTERS/Scott Heppell',
    credit: 'REUTERS/Scott Heppell',
  },
  {
    url: 'https://www.reuters.com/news/picture/photos-of-the-week-idUSRTXBK0OA',
    caption:
      'An Israeli soldier walks in a field of buttercup flowers near Kibbutz Nir Yitzhak in southern Israel, just outside the Gaza Strip April 12, 2021. REUTERS/Amir Cohen',
    credit: 'REUTERS/Amir Cohen',
  },
  {
    url: 'https://www.reuters.com/news/picture/photos-of-the-week-idUSRTS1NSND',
    caption:
      'Saudi men perform a stunt known as "sidewall skiing" (driving on two wheels) as a youth takes a selfie in Tabuk, Saudi Arabia March 11, 2018. REUTERS/Mohamed Al Hwaity',
    credit: 'REUTERS/Mohamed Al Hwaity',
  },
  {
    url: 'https://www.reuters.com/news/picture/photos-of-the-week-idUSRTS1NSND',
    caption:
      'A child sleeps in a bag in the village of Beit Sawa, eastern Ghouta, Syria March 15, 2018. REUTERS/Omar Sanadiki',
    credit: 'REUTERS/Omar Sanadiki',
  },
  {
    url: 'https://www.reuters.com/news/picture/photos-of-the-week-idUSRTS1NSND',
    caption:
      'Visitors are seen under blooming cherry blossoms at the East Lake Cherry Blossom Park in Wuhan, Hubei province, China March 9, 2018. REUTERS/Stringer',
    credit: 'REUTERS/Stringer',
  },
  {
    url: 'https://www.reuters.com/news/picture/photos-of-the-week-idUSRTS1NSND',
    caption:
      "People attend a rally marking the fourth anniversary of Russia's annexation of Ukraine's Crimea region in the Black Sea port of Sevastopol, Crimea, March 14, 2018. REUTERS/Maxim Shemetov",
    credit: 'REUTERS/Maxim Shemetov',
  },
  {
    url: 'http://blogs.afp.com/correspondent/',
    caption:
      'A French armoured vehicle leaves Goundam on June 3, 2015 in the Timbuktu region, northern Mali, during a joint operation with Malian army forces as part of the anti-terrorist Operation Barkhane (AFP PHOTO / PHILIPPE DESMAZES)',
    credit: 'AFP PHOTO / PHILIPPE DESMAZES',
  },
  {
    url: 'http://blogs.afp.com/correspondent/',
    caption:
      'A Pakistani resident helps a heatstroke victim at a market area during a heatwave in Karachi on June 23, 2015. (AFP PHOTO / Rizwan TABASSUM)',
    credit: 'AFP PHOTO / Rizwan TABASSUM',
  },
  {
    url: 'http://blogs.afp.com/correspondent/',
    caption:
      'A woman wears a mask at the Venus erotic fair in Berlin October, 2012 (AFP PHOTO / JOHANNES EISELE)',
    credit: 'AFP PHOTO / JOHANNES EISELE',
  },
  {
    url: 'http://blogs.afp.com/correspondent/?category/Above-the-fold/Eye-witness',
    caption:
      'Nepalese civilians and police personnel clear rubble at the Narayan temple in Kathmandu on May 2, 2015, one week after a 7.8 magnitude earthquake which struck the Himalayan nation on April 25 (AFP PHOTO/MENAHEM KAHANA)',
    credit: 'AFP PHOTO/MENAHEM KAHANA',
  },
  {
    url: 'http://blogs.afp.com/correspondent/?category/L-image',
    caption:
      'A traumatised girl stands amid the bodies of more than 100 of her compatriots who were trampled to death. (AFP Photo/Pascal Guyot)',
    credit: 'AFP Photo/Pascal Guyot',
  },
  {
    url: 'http://blogs.afp.com/correspondent/?post/2012/12/30/The-ripple-effect:-Backstroke-from-below=',
    caption:
      'Migrants check their mobile phones on a beach after reaching the Greek island of Kos on August 12, 2015 (AFP Photo / Angelos Tzortzinis)',
    credit: 'AFP Photo / Angelos Tzortzinis',
  },
  {
    url: 'http://blogs.afp.com/correspondent/?tag/US',
    caption:
      "Anna Wintour, actresses Lupita Nyong'o and Naomi Watts attend the Calvin Klein Collection show during Fashion Week. Larry Busacca/Getty Images for Mercedes-Benz Fashion Week/AFP",
    credit: 'Larry Busacca/Getty Images for Mercedes-Benz Fashion Week/AFP',
  },
  {
    url: 'http://www.epa-photos.com/',
    caption:
      'A close up of the decorated hands with traditional Indian Bengals of the brides from the Pal Community of northern India prior to a mass weeding procession near Bhopal, India, 20 April 2016. epa/Harish Tyagi',
    credit: 'epa/Harish Tyagi',
  },
  {
    url: 'https://epaimages.com/source.pp?id=77',
    caption:
      'epa09400181 Shane Sweetnam of Ireland on Alejandro falls while competing in the Jumping Team qualifier during the Equestrian events of the Tokyo 2020 Olympic Games at the Baji Koen Equestrian Park in Setagaya, Tokyo, Japan, 06 August 2021. EPA-EFE/Michael Reynolds',
    credit: 'EPA-EFE/Michael Reynolds',
  },
  {
    url: 'https://epaimages.com/source.pp?id=77',
    caption:
      'epa08935899 Hundreds of US National Guard troops rest beside one another in the Capitol Visitors Center on Capitol Hill in Washington, DC, USA, 13 January 2021. EPA-EFE/MICHAEL REYNOLDS',
    credit: 'EPA-EFE/MICHAEL REYNOLDS',
  },
  {
    url: 'https://www.epa.eu/about-epa/awards/whnpa-eyes-history-2012-portfolio',
    caption:
      'The trunks of dying palm trees rise from from the shores of Salton Sea Beach, California, USA, 19 January 2011. Erosion and high toxicity levels from farm runoff has left the Salton Sea increasingly contaminated, and lake-side towns like this one all but deserted. EPA/JIM LO SCALZO',
    credit: 'EPA/JIM LO SCALZO',
  },
  {
    url: 'https://www.epa.eu/about-epa/awards/whnpa-eyes-history-2012-portfolio',
    caption:
      'Former Republican Vice Presidential candidate Sarah Palin greets motorcycle riders in the parking lot of the Pentagon before Rolling Thunder\'s annual "Ride For Freedom" in Arlington, VA, USA on 29 May, 2011. Palin is kicking off a weeks-long bus tour across America, inciting speculation that she may run for president in 2012. EPA/JIM LO SCALZO',
    credit: 'EPA/JIM LO SCALZO',
  },
  {
    url: 'http://uk.reuters.com/news/picture/editors-choice?articleId=UKRTR4WCZF',
    caption:
      "Members of the Unified Workers' Central clash with police during a protest against a proposed law which would allow companies to outsource their labor force, in front of National Congress in Brasilia, Brazil April 7, 2015. REUTERS/Wilson Dias/Agencia Brasil/Handout via Reuters",
    credit: 'REUTERS/Wilson Dias/Agencia Brasil/Handout via Reuters',
  },
  {
    url: 'http://uk.reuters.com/news/picture/editors-choice?articleId=UKRTX2NRDM',
    caption:
      'San Francisco 49ers quarterback Colin Kaepernick (7, bottom middle) kneels during the national anthem before the game against the San Diego Chargers at Qualcomm Stadium. Mandatory Credit: Jake Roth-USA TODAY Sports',
    credit: 'Mandatory Credit: Jake Roth-USA TODAY Sports',
  },
  {
    url: 'http://uk.reuters.com/news/picture/editors-choice?articleId=UKRTX2NRDM',
    caption:
      'First graders attend a ceremony to mark the start of the school year in Kiev, Ukraine September 1, 2016. REUTERS/Gleb Garanich',
    credit: 'REUTERS/Gleb Garanich',
  },
  {
    url: 'https://www.reuters.com/news/picture/top-photos-of-the-day-idUSRTX845UT',
    caption:
      'Pistachio, a puppy who was born with green fur, is seen on the day he was born on a farm on the island of Sardinia, in Pattada, Italy. Cristian Mallocci/via REUTERS',
    credit: 'Cristian Mallocci/via REUTERS',
  },
  {
    url: 'https://www.reuters.com/news/picture/top-photos-of-the-day-idUSRTX845UT',
    caption:
      'A missile is launched during a military drill, with the participation of Iran’s Air Defense units, in Iran. WANA via REUTERS',
    credit: 'WANA via REUTERS',
  },
  {
    url: 'https://www.reuters.com/news/picture/top-photos-of-the-day-idUSRTX845UT',
    caption:
      'The coffin of slain teacher Samuel Paty is carried in the courtyard of the Sorbonne university during a national memorial event, in Paris, France. Francois Mori/Pool via REUTERS',
    credit: 'Francois Mori/Pool via REUTERS',
  },
  {
    url: 'https://www.reuters.com/news/picture/top-photos-of-the-day-idUSRTX845UT',
    caption:
      'FILE PHOTO: People take pictures in front of the Great Pyramids during the opening of a new restaurant called "9 Pyramids Lounge" by Orascom Pyramids Entertainment (OPE) in Giza, Egypt October 20, 2020. REUTERS/Amr Abdallah Dalsh TPX IMAGES OF..',
    credit: 'REUTERS/Amr Abdallah Dalsh',
  },
  {
    url: 'https://avax.news/search?page=74&q=happy+feet+moris+sta+ellhnika',
    caption:
      'People attend in costume the 2022 New York Comic Con, at the Jacob Javits Convention Center in Manhattan in New York City, New York, U.S., October 6, 2022. (Photo by Brendan McDermid/Reuters)',
    credit: 'Photo by Brendan McDermid/Reuters',
  },
  {
    url: 'https://avax.news/search?page=74&q=happy+feet+moris+sta+ellhnika',
    caption:
      'A bee approaching the flowers of a willow in Otzberg, Germany on February 28, 2021. Willow catkins are a protected species and one of the first sources of food for insects in early spring. (Photo by Arne Dedert/DPA)',
    credit: 'Photo by Arne Dedert/DPA',
  },
  {
    url: 'https://www.tygodnikpowszechny.pl/ze-szpakiem-jest-jak-z-hejnalem-16244',
    caption:
      'Dariusz Szpakowski podczas meczu Słowenia-Polska, Ljubljana, 6 września 2019 r. / Fot. Andrzej Iwańczuk / Reporter / East News /',
    credit: 'Fot. Andrzej Iwańczuk / Reporter / East News /',
  },
  {
    url: 'https://niepodlegla.dzieje.pl/artykul/prof-kuligowska-korzeniewska-po-teatrze-w-1918-r-oczekiwano-ze-spontanicznie-wyrazi-chwile',
    caption: 'Anna Kuligowska-Korzeniewska. Fot. Serwis Wideo PAP',
    credit: 'Fot. Serwis Wideo PAP',
  },
  {
    url: 'http://uk.reuters.com/news/picture/north-korean-propaganda?articleId=UKRTXOVYR',
    caption:
      'Members of the Mansudae Art Troupe take part in a music and dance performance, titled "Love the Country", at the East Pyongyang Grand Theatre on the occasion of the birth anniversary of North Korea\'s late leader Kim Jong-Il, February 16, 2013. REUTERS/KCNA',
    credit: 'REUTERS/KCNA',
  },
  {
    url: 'http://uk.reuters.com/news/picture/north-korean-propaganda?articleId=UKRTXOVYR',
    caption:
      'Thousands of residents applaud at a square during the inauguration of a mosaic portrait of Kim Jong-il in Pyongyang, April 9, 2012. The banner reads, "Let us complete the Juche revolutionary cause under the leadership of the respected comrade Kim Jung-un!" REUTERS/Bobby Yip',
    credit: 'REUTERS/Bobby Yip',
  },
  {
    url: 'http://www.reuters.com/news/picture/inside-north-korea-idUSRTXA3Y2',
    caption:
      "North Koreans participate in a parade to commemorate the 65th anniversary of the founding of the Workers' Party of Korea in Pyongyang, October 10, 2010. REUTERS/Kyodo",
    credit: 'REUTERS/Kyodo',
  },
  {
    url: 'http://www.reuters.com/news/picture/the-north-korean-military-idUSRTR2VGGV',
    caption:
      "North Korean soldiers attend military drills in this picture released by the North's official KCNA news agency. KCNA said this picture was taken on March 20, 2013. REUTERS/KCNA",
    credit: 'REUTERS/KCNA',
  },
  {
    url: 'https://www.reuters.com/news/picture/faces-of-north-korea-idUSRTS1N6M2',
    caption:
      'Women work at the Kim Jong Suk Pyongyang textile mill in Pyongyang, May 2016. REUTERS/Damir Sagolj',
    credit: 'REUTERS/Damir Sagolj',
  },
  {
    url: 'https://www.reuters.com/news/picture/faces-of-north-korea-idUSRTS1N6M2',
    caption: 'Men share an ice-cream in Pyongyang, April 2017. REUTERS/Damir Sagolj',
    credit: 'REUTERS/Damir Sagolj',
  },
  {
    url: 'https://www.washingtontimes.com/multimedia/image/11162014_putin8201jpg/',
    caption:
      'The Kremlin unveiled its latest weapon to combat the West\'s "information war" on President Vladimir Putin with the launch of Sputnik — a lavishly funded, international media outlet whose advent heralds a silencing of dissent and criticism in Russia. (AP Photo/Alain Jocard, Pool)',
    credit: 'AP Photo/Alain Jocard, Pool',
  },
  {
    url: 'https://thecheapinvestor.com/2023/07/14/russias-putin-snubs-prigozhin/russian-president-vladimir-putin-spaeks-to-reporters-of-state-television',
    caption:
      'Russian President Vladimir Putin spaeks to reporters of state television in Moscow, Russia July 13, 2023. Sputnik/Alexander Kazakov/Kremlin via REUTERS',
    credit: 'Sputnik/Alexander Kazakov/Kremlin via REUTERS',
  },
  {
    url: 'https://www.shorenewsnetwork.com/2022/02/28/no-russian-muscle-movements/file-photo-russian-president-vladimir-putin-visits-the-construction-site',
    caption:
      'FILE PHOTO: Russian President Vladimir Putin visits the construction site of the National Space Agency on the premises of the Khrunichev State Research and Production Space Centre, in Moscow, Russia February 27, 2022. Sputnik/Sergey Guneev/Kremlin via REUTERS/File Photo',
    credit: 'Sputnik/Sergey Guneev/Kremlin via REUTERS/File Photo',
  },
  {
    url: 'https://embed.gettyimages.com/embed?assets=899208910',
    caption:
      'MOSCOW, RUSSIA - DECEMBER, 28 (RUSSIA OUT) Russian President Vladimir Putin attends a reception for military servicemen who took part in Syrian campaign, at Grand Kremlin Palace on December 28,2017 in Moscow, Russia. Putin awadred dozens soldiers and officers of Russian Defence Minister who destingueshed themseves during the military operation in Syria. (Photo by Mikhail Svetlov/Getty Images)',
    credit: 'Photo by Mikhail Svetlov/Getty Images',
  },
  {
    url: 'https://www.reuters.com/news/picture/putins-art-of-the-photo-op-idUSRTXAY9JE',
    caption:
      "Russia's Prime Minister Vladimir Putin rides a horse in southern Siberia's Tuva region August 3, 2009. RIA Novosti/Pool/Alexei Druzhinin via REUTERS",
    credit: 'RIA Novosti/Pool/Alexei Druzhinin via REUTERS',
  },
  {
    url: 'https://www.reuters.com/news/picture/putins-art-of-the-photo-op-idUSRTXAY9JE',
    caption:
      'Russian President Vladimir Putin takes a dip in the water during Orthodox Epiphany celebrations at lake Seliger, Tver region, Russia January 19, 2018. Sputnik/Alexei Druzhinin/Kremlin via REUTERS',
    credit: 'Sputnik/Alexei Druzhinin/Kremlin via REUTERS',
  },
  {
    url: 'https://immersive.kyodonews.net/japan-and-beyond-week-in-photos/',
    caption:
      'Infants take part in a "crying baby" sumo contest at Mikumano shrine in Hanamaki, Iwate Prefecture. (Kyodo)',
    credit: 'Kyodo',
  },
  {
    url: 'https://avax.news/search?page=49&q=tokyo',
    caption:
      'A participant in a tiger-themed costume walks during the “bakeneko” or supernatural cat festival as a Halloween parade in the Kagurazaka district of Tokyo on October 13, 2024. (Photo by Philip Fong/AFP Photo)',
    credit: 'Photo by Philip Fong/AFP Photo',
  },
  {
    url: 'https://avax.news/search?page=48&q=tokyo',
    caption:
      'JAPAN: A businessman stands at a pond in the Kyu-Shiba-rikyu Garden on a warm and sunny day in Tokyo, Japan, March 18, 2016. (Photo by Thomas Peter/Reuters)',
    credit: 'Photo by Thomas Peter/Reuters',
  },
  {
    url: 'https://www.dailysabah.com/gallery/pictures-of-the-year-2021-turkey/images',
    caption:
      'A young child that has been blind since birth plays the piano in a field of poppies in Muş, Turkey, May 4, 2021. (DHA Photo)',
    credit: 'DHA Photo',
  },
  {
    url: 'https://avax.news/fact/A_Look_at_Life_in_Iraq_23-04-2022.html',
    caption:
      'A mountaineer carries a disabled girl to help her cross the river as they hike up the mountain in Sulaimaniyah, Iraq, March 13, 2022. (Photo by Mohammed Jalal/Reuters)',
    credit: 'Photo by Mohammed Jalal/Reuters',
  },
  {
    url: 'https://factcheck.afp.com/doc.afp.com.9LP4MK',
    caption:
      'Medical personnel bring a wounded man on a stretcher for treatment after two explosions outside the airport in Kabul on August 26, 2021 ( AFP / Wakil Kohsar)',
    credit: 'AFP / Wakil Kohsar',
  },
  {
    url: 'http://time.com/tag/afghanistan/page/3/',
    caption:
      'An Afghan policeman stands guard at the site of an attack in Kabul, Afghanistan May 13, 2015. Mohammad Ismail—Reuters',
    credit: 'Mohammad Ismail—Reuters',
  },
  {
    url: 'http://confederateyankee.mu.nu/archives/219678.php',
    caption:
      "A US soldier takes cover as a roadside bomb targets a US convoy in Baghdad's Bayaa district. Meanwhile, Iraq hanged Saddam Hussein's former deputy Taha Yassin Ramadan as the nation entered the fifth year of the US-led war still battling a raging insurgency and sectarian conflict.(AFP/Wissam Sami)",
    credit: 'AFP/Wissam Sami',
  },
  {
    url: 'https://english.news.cn/20230110/5b53d181867746328571fe6f219141a6/c.html',
    caption:
      "A Z-20 helicopter takes part in a flying display at the 14th China International Aviation and Aerospace Exhibition in Zhuhai, south China's Guangdong Province, on Nov. 8, 2022. (Xinhua/Zhang Yongjin)",
    credit: 'Xinhua/Zhang Yongjin',
  },
  {
    url: 'https://english.news.cn/20230110/5b53d181867746328571fe6f219141a6/c.html',
    caption:
      "Soldiers of a patrol team of the frontier forces climb the Daobei mountain in northwest China's Xinjiang Uygur Autonomous Region, Aug. 1, 2022. Aug. 1, 2022 marked the 95th anniversary of the founding of the Chinese People's Liberation Army (PLA). (Photo by Wang Junqiang/Xinhua)",
    credit: 'Photo by Wang Junqiang/Xinhua',
  },
  {
    url: 'https://english.news.cn/20220106/ceffa265681a4279a72f60e8f546de96/c.html',
    caption:
      "A giant panda cub plays at Qinling Giant Panda Research Center in northwest China's Shaanxi Province, Jan. 22, 2021. (Xinhua/Zhang Bowen)",
    credit: 'Xinhua/Zhang Bowen',
  },
  {
    url: 'https://sinodefenceforum.com/t/chinese-daily-photos-of-2023.9032/page-35',
    caption:
      'Actress Gulnazar poses for photos on the red carpet of the 13th Beijing International Film Festival in Beijing, capital of China, April 21, 2023. (Xinhua/Chen Zhonghao)',
    credit: 'Xinhua/Chen Zhonghao',
  },
  {
    url: 'https://www.koreatimes.kr/www2/common/photoview.asp?categorycode=173&newsidx=173311&mode=1',
    caption:
      'An ancient chest used to store Buddhist texts is on display during a ceremony at the National Museum of Korea, Tuesday. The nation’s flagship museum acquired the rare Goryeo Kingdom (918—1392) heritage from a Japanese collector./ Yonhap',
    credit: 'Yonhap',
  },
  {
    url: 'http://www.koreatimes.co.kr/www2/common/photoview.asp?categorycode=510&newsidx=306460&mode=1',
    caption:
      'A man wearing a protective face mask takes a photo among blooming cherry blossoms amid the COVID-19 pandemic, in Tokyo, Japan, March 23. Reuters-Yonhap',
    credit: 'Reuters-Yonhap',
  },
  {
    url: 'https://rokdrop.net/category/picture-of-the-day/page/16',
    caption:
      'South Korean Defense Minister Shin Won-sik (4th from L, front row) poses for a photo with a U.S. delegation of six senators, including Kirsten Gillibrand (4th from R, front row), and a representative at the defense ministry in Seoul on March 29, 2024, in this photo provided by the ministry. (PHOTO NOT FOR SALE) (Yonhap)',
    credit: 'Yonhap',
  },
  {
    url: 'https://avax.news/search?page=42&q=china',
    caption:
      'A macaque crosses a pedestrian overpass in Hong Kong, China, 08 November 2021. According the Agriculture, Fisheries and Conservation Department, AFCD, the total population of wild monkeys in Hong Kong is about 1,800, distributed in 30 social troops. (Photo by Jerome Favre/EPA/EFE)',
    credit: 'Photo by Jerome Favre/EPA/EFE',
  },
  {
    url: 'https://www.rfi.fr/fr/europe/20230708-ukraine-zelensky-revient-de-turquie-avec-des-membres-des-commandos-azov',
    caption:
      "Les commandants ukrainiens Denys Prokopenko, Svyatoslav Palamar, Serhyi Volynsky, Denys Shleha et Oleh Khomenko sont rentrés en Ukraine d'Istanbul. AFP - HANDOUT",
    credit: 'AFP - HANDOUT',
  },
  {
    url: 'http://avax.news/search?page=1010&q=part%2B1%2B%2F',
    caption:
      "A water buffalo is pictured across from the Nahr Bin Omar oilfield in Iraq's southern province of Basra on July 18, 2022. (Photo by Hussein Faleh/AFP Photo)",
    credit: 'Photo by Hussein Faleh/AFP Photo',
  },
  {
    url: 'https://avax.news/search?page=17&q=Dolphin-class+submarine%27',
    caption:
      'Firefighters take part in the bodybuilding event during a firefighting skills contest at the National Fire Service Academy in Gongju, South Korea on June 13, 2023. (Phoot by Yonhap/EPA)',
    credit: 'Phoot by Yonhap/EPA',
  },
  {
    url: 'https://avax.news/search?page=279&q=DCM',
    caption:
      'Jennifer Lopez Gets Loud for Hillary Clinton at Get Out The Vote concert on October 29, 2016 in Miami, Florida. (Photo by Larry Marano/Rex Features/Shutterstock)',
    credit: 'Photo by Larry Marano/Rex Features/Shutterstock',
  },
  {
    url: 'http://newsblogs.chicagotribune.com/assignment-chicago/2011/03/index.html',
    caption:
      'Possible magic words when covering elections in Haiti? "Hop on!"  (AP Photo/Rodrigo Abd)',
    credit: 'AP Photo/Rodrigo Abd',
  },
  {
    url: 'http://in.reuters.com/news/picture/india-this-week-idINRTSQ62L',
    caption:
      "Cricket - India v New Zealand - Second Test cricket match - Eden Gardens, Kolkata - 01/10/2016. India's Mohammed Shami celebrates with teammates after taking the wicket of New Zealands's Tom Latham. REUTERS/Rupak De Chowdhuri",
    credit: 'REUTERS/Rupak De Chowdhuri',
  },
  {
    url: 'http://www.asianetnews.net/agencies/press-trust-of-india',
    caption:
      'Mumbai : Maharashtra Governor C Vidhyasagar Rao with the Australian Prime Minister, Tony Abbott at a recent meeting in Mumbai. PTI Photo',
    credit: 'PTI Photo',
  },
  {
    url: 'http://asianetnews.net/agencies/press-trust-of-india',
    caption: 'Prime Minister Narendra Modi with his Nepalese counterpart in Khatmandu. PTI Photo',
    credit: 'PTI Photo',
  },
  {
    url: 'https://www.koreatimes.kr/www2/common/photoview.asp?categorycode=173&newsidx=173311&mode=1',
    caption:
      'Ewha Womans University President Kim Sun-uk, right, points to an artist’s rendering of a dormitory planned for the school’s campus in Seoul, Tuesday, during a groundbreaking ceremony./ Courtesy of Ewha Womans University',
    credit: 'Courtesy of Ewha Womans University',
  },
  {
    url: 'https://www.infantry-center.com/2020/04/05/irans-rouhani-says-low-risk/file-photo-iranian-president-hassan-rouhani-speaks-during-the-cabinet',
    caption:
      'FILE PHOTO: Iranian President Hassan Rouhani speaks during the cabinet meeting, as the spread of the coronavirus disease (COVID-19) continues, in Tehran, Iran, April 1, 2020. Official Presidential Website/Handout via REUTERS',
    credit: 'Official Presidential Website/Handout via REUTERS',
  },
  {
    url: 'https://melakarnets.com/proxy/index.php?q=https%3A%2F%2Fwww.47news.jp%2Fphoto%2Ffocus-frame%2Fpage7',
    caption:
      'チベット族の子どもたちが通う幼稚園。教室には中国共産党のシンボルマークと指導者の写真が掲げられている=2020年10月、中国チベット自治区山南市(共同)',
    credit: '共同',
  },
  {
    url: 'https://vietnam.vnanet.vn/english/tin-van/vna-recreates-80-proud-milestones-through-a-special-exhibition-space-407140.html',
    caption:
      "Deputy Prime Minister and Minister of Foreign Affairs Bui Thanh Son visits the Vietnam News Agency's exhibition booth. Photo: Minh Quyet/VNA",
    credit: 'Photo: Minh Quyet/VNA',
  },
  {
    url: 'https://en.vietnamplus.vn/press-contributes-to-national-development/175153.vnp',
    caption:
      'Currently, there are more than 36,000 people working in nearly 850 press agencies (Source: VNA)',
    credit: 'Source: VNA',
  },
  {
    url: 'http://patrioty.org.ua/politic/fotoreportazh-petro-poroshenko-vidvidav-zonu-ato-113343.html',
    caption: 'Президент у робочій поїздці на Донеччині. Фото: прес-служба АП',
    credit: 'Фото: прес-служба АП',
  },
  {
    url: 'http://big5.news.cn/gate/big5/big5.xinhuanet.com/gate/big5/fms.news.cn/swf/2019_qmtt/2_12_2019_qm_z/index.html',
    caption:
      '在黔南布依族苗族自治州羅甸縣麻懷村,鄧迎香進入她率領村民“刨出來”的人工隧道(2015年12月15日攝)。新華社記者 歐東衢 攝',
    credit: '新華社記者 歐東衢 攝',
  },
  {
    url: 'http://fei.caiyicd.com/N_tengteacher.html',
    caption:
      '法国邮政在巴黎举行兔年生肖邮票发行仪式,迎接中国农历新年。陈江洪为现场的法国民众签名留念。李洋 摄',
    credit: '李洋 摄',
  },
  {
    url: 'http://nmg.news.cn/tpzx/tpxw/2023-01/31/c_1129323989.htm',
    caption: '↑这是2022年4月21日在达拉特光伏发电应用领跑基地拍摄的“骏马电站”。 新华社记者 刘磊 摄',
    credit: '新华社记者 刘磊 摄',
  },
  {
    url: 'http://news.cn/photo/20240601/2b3a6daa603140078d36c425c1a54d87/c.html',
    caption: '5月23日,菜农搭乘吉首15路公交车。 新华社记者 陈思汗 摄',
    credit: '新华社记者 陈思汗 摄',
  },
  {
    url: 'http://news.cn/photo/20240601/2b3a6daa603140078d36c425c1a54d87/c.html',
    caption:
      '今年“三夏”期间,河南计划投入各类农机400万台(套),联合收割机20万台。截至5月26日17时,河南省8500万亩小麦已收获1399.9万亩。 新华社发(高建中 摄)',
    credit: '新华社发(高建中 摄)',
  },
  {
    url: 'http://lens.blogs.nytimes.com/category/uncategorized/page/3/',
    caption:
      'Workers at Willow Avenue and 8th Street in Hoboken, N.J., the site of one of two water line breaks just a few blocks apart. Karsten Moran for The New York Times',
    credit: 'Karsten Moran for The New York Times',
  },
  {
    url: 'https://www.yna.co.kr/view/AKR20170217047100013',
    caption: '눈 내린 한라산 / 김호천 기자',
    credit: '김호천 기자',
  },
  {
    url: 'https://www.yna.co.kr/view/AKR20170217047100013',
    caption: '자작나무 숲 즐기는 등산객들 / 인제군 제공',
    credit: '인제군 제공',
  },
  {
    url: 'https://www.yna.co.kr/view/AKR20170217047100013',
    caption: '월드 프레스 포토 수상작 / AP',
    credit: 'AP',
  },
  {
    url: 'https://www.huffingtonpost.kr/entry/story_kr_5df73b78e4b047e8889fd2fa',
    caption:
      'A rainbow is seen as demonstrators protest against Chile\'s state economic model in Santiago, Chile October 24, 2019. REUTERS/Ivan Alvarado/File Photo SEARCH "GLOBAL POY" FOR THIS STORY. SEARCH "REUTERS POY" FOR ALL BEST OF 2019 PACKAGES. TPX IMAGES OF THE DAY.',
    credit: 'REUTERS/Ivan Alvarado/File Photo',
  },
  {
    url: 'https://www.huffingtonpost.kr/entry/story_kr_5df73b78e4b047e8889fd2fa',
    caption:
      'Police fire tear gas at anti-extradition bill protesters during clashes in Sham Shui Po in Hong Kong, China, August 14, 2019. REUTERS/Thomas Peter/File Photo',
    credit: 'REUTERS/Thomas Peter/File Photo',
  },
  {
    url: 'https://www.huffingtonpost.kr/entry/story_kr_5df73b78e4b047e8889fd2fa',
    caption:
      "Soccer Football - Women's World Cup - Quarter Final - France v United States - Parc des Princes, Paris, France - June 28, 2019 Megan Rapinoe of the U.S. celebrates scoring their first goal. REUTERS/Benoit Tessier/File Photo",
    credit: 'REUTERS/Benoit Tessier/File Photo',
  },
  {
    url: 'http://www.bloomberg.com/news/articles/2012-12-14/from-facebook-ipo-to-tsunami-bloomberg-best-photos-2012',
    caption:
      'Pedestrians are reflected in a poster advertising the Greek national elections, on election day, in Athens, Greece, on May 6, 2012. Greeks are voting today in national elections that may determine whether the country has a future in the euro area. Photographer: Simon Dawson/Bloomberg',
    credit: 'Photographer: Simon Dawson/Bloomberg',
  },
  {
    url: 'https://musebyclios.com/year-in-review/the-stories-behind-2024s-most-captivating-photos-from-getty-images',
    caption:
      'LAS VEGAS – FEB. 11: Travis Kelce kisses Taylor Swift after the Kansas City Chiefs defeated the San Francisco 49ers in Super Bowl LVIII. (Photo by Ezra Shaw/Getty Images)',
    credit: 'Photo by Ezra Shaw/Getty Images',
  },
  {
    url: 'https://www.theguardian.com/news/gallery/2022/aug/03/prickly-pears-and-101-mini-tapirs-wednesdays-best-photos',
    caption:
      'Main image: A worker sings while carrying prickly pears on his head at a farm in Al Qalyubia governorate, Egypt. Photograph: Mohamed Abd El Ghany/Reuters',
    credit: 'Photograph: Mohamed Abd El Ghany/Reuters',
  },
  {
    url: 'https://photographer-in-seattle.com/author/admin/page/29',
    caption:
      'Zora Lungren, who is a baker at The London Plane and is out of a job after authorities have restricted bars and restaurants during the coronavirus disease (COVID-19) outbreak, poses for a portrait in Seattle, Washington, U.S. March 20, 2020. REUTERS/David Ryder',
    credit: 'REUTERS/David Ryder',
  },
  {
    url: 'http://uk.reuters.com/news/picture/photos-of-the-week?articleId=UKRTX2EDLG',
    caption:
      'A young boy uses a plastic bag to protect himself from a dust storm in New Delhi, India May 23, 2016. REUTERS/Anindito Mukherjee',
    credit: 'REUTERS/Anindito Mukherjee',
  },
  {
    url: 'http://uk.reuters.com/news/picture/editors-choice?articleId=UKRTX29KSL',
    caption:
      "Korean People's Army (KPA) artillery troops conduct a live firing exercise in this undated photo released by North Korea's Korean Central News Agency (KCNA) on April 12, 2016. REUTERS/KCNA",
    credit: 'REUTERS/KCNA',
  },
  {
    url: 'http://uk.reuters.com/news/picture/editors-choice?articleId=UKRTR4PS55',
    caption:
      "A Greek Presidential Guardsman 'Evzones' marches next to the monument of the unknown soldier during an anti-austerity pro-government demonstration outside the Greek parliament in Athens February 16, 2015. REUTERS/Yannis Behrakis",
    credit: 'REUTERS/Yannis Behrakis',
  },
  {
    url: 'http://avax.news/search?page=336&q=dinosaur',
    caption:
      'A little girl takes a picture of a lion in the zoo in Frankfurt, Germany, Tuesday, September 13, 2016. (Photo by Michael Probst/AP Photo)',
    credit: 'Photo by Michael Probst/AP Photo',
  },
  {
    url: 'http://blogs.afp.com/correspondent/?category/Above-the-fold/Eye-witness',
    caption:
      'This photo taken in Jakarta on March 26, 2015 shows Vica Anyistiawati (L) dribbling the ball past Yulita Cyndi Anggraini of CSC (Cibubur Soccer Club) during a football training session in Jakarta. (AFP PHOTO / ADEK BERRY)',
    credit: 'AFP PHOTO / ADEK BERRY',
  },
  {
    url: 'https://www.dailysabah.com/gallery/pictures-of-the-year-2021-turkey/images',
    caption:
      'A drone photo shows an aerial view of the Göksu Waterfall surrounded by trees with fall colors in Konya, Turkey, Nov. 8, 2021. (AA Photo)',
    credit: 'AA Photo',
  },
  {
    url: 'https://www.dailysabah.com/gallery/pictures-of-the-year-2021-turkey/images',
    caption: 'A woman holds a cat, in Sille, outside Konya, Turkey, Dec. 18, 2021. (AP Photo)',
    credit: 'AP Photo',
  },
  {
    url: 'https://theweek.com/photos/the-weeks-best-photos-october-18-2024',
    caption:
      'A protester shouts at riot police in a demonstration against rising crime and extortion in Lima (Image credit: Ernesto Benavides / AFP via Getty Images)',
    credit: 'Image credit: Ernesto Benavides / AFP via Getty Images',
  },
  {
    url: 'https://www.reuters.com/news/picture/top-photos-of-the-day-idUSRTXAU4G5',
    caption:
      'Reporters ask questions as U.S. President Joe Biden holds his first formal news conference in the East Room of the White House in Washington. REUTERS/Leah Millis',
    credit: 'REUTERS/Leah Millis',
  },
  {
    url: 'https://www.reuters.com/news/picture/top-photos-of-the-day-idUSRTXAU4G5',
    caption:
      "Norway's Daniel Andre Tande falls during his trial round jump at the Ski Jumping World Cup in Planica, Slovenia. REUTERS/Srdjan Zivulovic",
    credit: 'REUTERS/Srdjan Zivulovic',
  },
  {
    url: 'http://www.reuters.com/news/picture/afghan-war-iconic-images-idUSRTR2S9B8',
    caption:
      'Anti-Taliban Afghan fighters watch several explosions from U.S. bombings in the Tora Bora mountains in Afghanistan December 16, 2001. REUTERS/Erik de Castro',
    credit: 'REUTERS/Erik de Castro',
  },
  {
    url: 'https://epaimages.com/source.pp?id=77',
    caption:
      "epaselect epa09440847 A child sits on a bus with other people evacuated from Afghanistan after arriving at Washington Dulles International Airport in Chantilly, Virginia, USA, 01 September 2021. The last military flight took off from Kabul airport completing the US evacuation from Afghanistan and ending America's longest war after almost twenty years. EPA-EFE/MICHAEL REYNOLDS",
    credit: 'EPA-EFE/MICHAEL REYNOLDS',
  },
  {
    url: 'https://embed.gettyimages.com/embed?assets=899208910',
    caption:
      "Pro-Kremlin activists carry flags of of the ruling party United Russia as they march in Moscow, on March 15, 2014, during a rally in support of recent Russia's move on Crimea. AFP PHOTO / DMITRY SEREBRYAKOV (Photo credit should read DMITRY SEREBRYAKOV/AFP via Getty Images)",
    credit: 'Photo credit should read DMITRY SEREBRYAKOV/AFP via Getty Images',
  },
];

const RNEWS = 'https://www.rnews.co.za/the-week-in-pictures-21/';
const TSA = 'https://www.thesouthafrican.com/news/gallery-this-week-in-pictures-23-29-october/';
const VELVET = 'https://www.velvetclassic.net/the-weeks-best-photos-95/?noamp=mobile';
const INKL =
  'https://www.inkl.com/news/the-observer-s-20-photographs-of-the-week-ef93eec7-6baa-463c-a303-bcfaf499bee9';
const TASS1 = 'https://tass.com/society/1373749';
const TASS2 = 'https://tass.com/society/1344719';
const TASS3 = 'https://tass.com/society/1104371';
const TASS4 = 'https://tass.com/society/1307231';
const TASS5 = 'https://tass.com/society/1295191';
const TASS6 = 'https://tass.com/society/1336321';
const JAD1 =
  'https://koreajoongangdaily.joins.com/2018/04/25/politics/Where-theyll-sit/3047412.html';
const JAD2 =
  'https://koreajoongangdaily.joins.com/2018/09/21/etc/Summit-reaches-new-heights/3053505.html';

/**
 * Lines gathered after the engine was tuned, from pages not searched before: none of them
 * was looked at while tuning, so they measure lines the engine has never seen.
 */
export const FRESH_CREDITS: RealCreditRow[] = [
  r('L', RNEWS, '(Photo: Miguel Riopa/AFP)', ['Miguel Riopa'], ['AFP']),
  r('L', RNEWS, '(Photo: Roman Pilipey/AFP)', ['Roman Pilipey'], ['AFP']),
  r('L', RNEWS, '(Photo: AFP)', [], ['AFP']),
  r('L', RNEWS, '(Photo: Juan Barreto/AFP)', ['Juan Barreto'], ['AFP']),
  r('L', RNEWS, '(Photo: Luis Acosta/AFP)', ['Luis Acosta'], ['AFP']),
  r('L', TSA, 'Photo: Brendan Smialowski / AFP', ['Brendan Smialowski'], ['AFP']),
  r('L', TSA, 'Photo: Ted ALJIBE / AFP', ['Ted ALJIBE'], ['AFP']),
  r('L', TSA, 'Photo: Farooq NAEEM / AFP', ['Farooq NAEEM'], ['AFP']),
  r('L', TSA, 'Photo: ISAAC GUZMAN / AFP', ['ISAAC GUZMAN'], ['AFP']),
  r('L', TSA, 'Photo: Mahmud Hams / AFP', ['Mahmud Hams'], ['AFP']),
  r('L', TSA, 'Photo: Dimitar DILKOFF / AFP', ['Dimitar DILKOFF'], ['AFP']),
  r('L', VELVET, '(Image credit: Cristina Chiquin / Reuters)', ['Cristina Chiquin'], ['Reuters']),
  r('L', VELVET, '(Image credit: Patipat Janthong / Reuters)', ['Patipat Janthong'], ['Reuters']),
  r(
    'L',
    VELVET,
    '(Image credit: Run Sankar / AFP / Getty Images)',
    ['Run Sankar'],
    ['AFP', 'Getty Images'],
  ),
  r(
    'L',
    VELVET,
    '(Image credit: Ronen Tivony / NurPhoto / Shutterstock)',
    ['Ronen Tivony'],
    ['NurPhoto', 'Shutterstock'],
  ),
  r('L', VELVET, '(Image credit: Xinhua / Shutterstock)', [], ['Xinhua', 'Shutterstock']),
  r(
    'L',
    VELVET,
    '(Image credit: Bashar Taleb / AFP / Getty Images)',
    ['Bashar Taleb'],
    ['AFP', 'Getty Images'],
  ),
  r('L', VELVET, '(Image credit: Rajesh Kumar Singh / AP Photo)', ['Rajesh Kumar Singh'], ['AP']),
  r('L', INKL, 'Photograph: Ben Curtis/AP', ['Ben Curtis'], ['AP']),
  r('L', INKL, 'Photograph: Muhammed Muheisen/AP', ['Muhammed Muheisen'], ['AP']),
  r('L', INKL, 'Photograph: Markus Schreiber/AP', ['Markus Schreiber'], ['AP']),
  r('L', INKL, 'Photograph: Roberto Schmidt/AFP', ['Roberto Schmidt'], ['AFP']),
  r('U', INKL, 'Photograph: Terry Cervi/Caters News', ['Terry Cervi'], ['Caters News']),
  r('L', TASS1, '© Sergei Savostyanov/TASS', ['Sergei Savostyanov'], ['TASS']),
  r('L', TASS1, '© AP Photo/David Goldman', ['David Goldman'], ['AP']),
  r('L', TASS1, '© REUTERS/Willy Kurniawan', ['Willy Kurniawan'], ['REUTERS']),
  r('L', TASS1, '© EPA-EFE/KIMIMASA MAYAMA', ['KIMIMASA MAYAMA'], ['EPA-EFE']),
  r(
    'U',
    TASS2,
    '© Alexei Druzhinin/Russian Presidential Press and Information Office/TASS',
    ['Alexei Druzhinin'],
    ['Russian Presidential Press and Information Office', 'TASS'],
  ),
  r('L', TASS2, '© Sergei Malgavko/TASS', ['Sergei Malgavko'], ['TASS']),
  r('L', TASS2, '© REUTERS/Toya Sarno Jordan', ['Toya Sarno Jordan'], ['REUTERS']),
  r('L', TASS3, '© Valery Matytsin/TASS', ['Valery Matytsin'], ['TASS']),
  r('L', TASS3, '© Peter Kovalev/TASS', ['Peter Kovalev'], ['TASS']),
  r('L', TASS3, '© AP Photo/Vadim Ghirda', ['Vadim Ghirda'], ['AP']),
  r(
    'U',
    TASS3,
    '© Chris Jackson/Buckingham Palace via Getty Images',
    ['Chris Jackson'],
    ['Buckingham Palace'],
    { via: ['Getty Images'] },
  ),
  r('L', TASS4, '© Franco Origlia/Getty Images', ['Franco Origlia'], ['Getty Images']),
  r('L', TASS4, '© Daniel Leal-Olivas/Pool via AP', ['Daniel Leal-Olivas'], [], {
    pool: 'Pool',
    via: ['AP'],
  }),
  r('U', TASS4, '© Victory Museum Press Office/TASS', [], ['Victory Museum Press Office', 'TASS']),
  r('L', TASS5, '© Vitaly Chugin/TASS', ['Vitaly Chugin'], ['TASS']),
  r('L', TASS5, '© Carl Court/Getty Images', ['Carl Court'], ['Getty Images']),
  r(
    'U',
    TASS5,
    '© EPA-EFE/SRI LANKAN AIR FORCE MEDIA',
    [],
    ['EPA-EFE', 'SRI LANKAN AIR FORCE MEDIA'],
  ),
  r('L', TASS6, '© Reuters/Eric Gaillard', ['Eric Gaillard'], ['Reuters']),
  r(
    'U',
    TASS6,
    '© Russian Ministry of Foreign Affairs/TASS',
    [],
    ['Russian Ministry of Foreign Affairs', 'TASS'],
  ),
  r('B', JAD1, '[JOINT PRESS CORPS]', [], [], { pool: 'Joint Press Corps' }),
  r('N', JAD2, '[공동취재단]', [], [], { pool: 'Joint Press Corps' }),
];

/** Captions gathered after tuning, like FRESH_CREDITS. */
export const FRESH_CAPTIONS: RealCaptionRow[] = [
  {
    url: RNEWS,
    caption:
      'Portuguesealready: Brazilian surfer Maya Gabeira rides a wave during the World Surfing League’s giant wave challenge in Praia do Norte. (Photo: Miguel Riopa/AFP)',
    credit: 'Photo: Miguel Riopa/AFP',
  },
  {
    url: TSA,
    caption:
      'A Palestinian man rides a camel at the beach at sunset in Gaza city, on 23 October 2021. Photo: Mahmud Hams / AFP',
    credit: 'Photo: Mahmud Hams / AFP',
  },
  {
    url: TSA,
    caption:
      'People cross the Red Square in Moscow on 23 October 2021. Photo: Dimitar DILKOFF / AFP',
    credit: 'Photo: Dimitar DILKOFF / AFP',
  },
  {
    url: VELVET,
    caption:
      'A giant figure of the devil burns during the Feast of the Immaculate Conception festival in Guatemala City, Guatemala (Image credit: Cristina Chiquin / Reuters)',
    credit: 'Image credit: Cristina Chiquin / Reuters',
  },
  {
    url: INKL,
    caption:
      'The hearse carrying the body of the former South African president Nelson Mandela passes mourners in Pretoria Photograph: Muhammed Muheisen/AP',
    credit: 'Photograph: Muhammed Muheisen/AP',
  },
  {
    url: INKL,
    caption:
      'An irritated Kodiak bear snaps at a wasp buzzing persistently around its head at Buffalo zoo, New York Photograph: Terry Cervi/Caters News',
    credit: 'Photograph: Terry Cervi/Caters News',
  },
  {
    url: TASS3,
    caption:
      'A Tavria passenger train travelling from St Petersburg to Sevastopol moves along a road-rail bridge linking Crimea to mainland Russia, December 25© Valery Matytsin/TASS',
    credit: '© Valery Matytsin/TASS',
  },
  {
    url: TASS3,
    caption:
      "A tortoise tastes it's Christmas gift at Adelaide Zoo in Adelaide, Australia, December 23© EPA-EFE/KELLY BARNES",
    credit: '© EPA-EFE/KELLY BARNES',
  },
  {
    url: TASS4,
    caption:
      'People are seen at the fountain in the center of Moscow. Moscow has issued yellow warning due to heat wave conditions, June 19© Gavriil Grigorov/TASS',
    credit: '© Gavriil Grigorov/TASS',
  },
  {
    url: JAD1,
    caption:
      'This photo, taken on Wednesday, shows a new oval-shaped table in the main conference room of the Peace House, the venue for the upcoming summit between South Korean President Moon Jae-in and North Korean leader Kim Jong-un, on the South Korean side of the joint security area inside the demilitarized zone. [JOINT PRESS CORPS]',
    credit: 'JOINT PRESS CORPS',
  },
];
