/**
 * Traditional and simplified script. The rules of every stage match one script: they run on a
 * folded copy of the text, where each Traditional character of this table is replaced by its
 * simplified form. Folding maps one UTF-16 unit to one, so an offset in the folded copy is the same
 * offset in the text, and every name, title and text is still sliced from the text as written.
 *
 * The table covers the characters of government task documents (units, labels, verbs, dates,
 * frame lines), not the whole language: a character missing here only means that a word written
 * with it in Traditional script is not recognised, never that a name is changed.
 */

/**
 * Pairs of Traditional and simplified characters, two characters a pair. Grouped loosely by
 * where they occur; `內`/`内` and the like count as pairs too, because Taiwan's and Hong Kong's
 * fonts encode them apart.
 */
const pairs = [
  // Units and organisations: 廳局委辦, 機關, 單位, 部門, 縣區鎮, 組, 會, 處, 團, 隊, 營, 總, 聯.
  '廳厅辦办會会處处團团隊队營营總总聯联機机關关單单門门縣县區区鎮镇組组織织員员黨党',
  '衛卫醫医險险稅税財财務务貿贸商商農农業业資资產产權权環环術术統统計计審审監监質质檢检',
  '調调發发展展開开經经濟济濟济體体育育館馆園园廣广電电訊讯網网數数據据庫库臺台臺台灣湾',
  '國国際际區区級级鄉乡鎮镇這这個个們们於于與与為为來来對对從从後后時时間间現现實实際际',
  '應应該该當当過过還还進进運运輸输達达連连選选遠远適适邊边遞递遷迁違违鄰邻陽阳陰阴隨随',
  '險险陸陆陳陈陝陕隴陇隸隶雙双雜杂雞鸡離离難难雲云電电霧雾靜静頁页頂顶項项順顺須须預预',
  '領领頭头頻频題题顏颜類类顧顾風风飛飞飯饭養养餘余館馆馬马駐驻驗验體体髮发鬥斗魚鱼鳥鸟',
  '麗丽麥麦黃黄齊齐齒齿龍龙龜龟華华',
  // Labels and verbs: 牽頭, 責任, 負責, 協辦, 參與, 配合, 落實, 職責, 分別.
  '牽牵頭头責责負负協协參参與与職职別别實实施施劃划辦办預预節节點点內内週周期期限限',
  '長长堅坚續续導导督督項项標标準准則则規规範范條条務务價价際际歸归屬属帶带幫帮廢废',
  '彙汇匯汇報报紙纸問问題题況况備备註注聲声閱阅讀读鏈链擊击見见覽览瀏浏載载轉转貼贴',
  '號号範范圍围態态慮虑戶户擔担據据擴扩擇择擊击擬拟攜携敵敌數数斷断於于書书會会極极',
  '構构槍枪樂乐樣样橋桥檔档權权歡欢歲岁歷历歸归殘残殺杀氣气漢汉滿满濟济灣湾災灾為为',
  '無无煙烟熱热營营爭争爾尔牆墙獎奖獨独現现環环產产畫画當当療疗癒愈發发盡尽監监盤盘',
  '眾众確确礎础禮礼種种稱称穩稳積积窮穷競竞筆笔範范築筑簡简籃篮糧粮紀纪約约紅红納纳',
  '紙纸級级組组細细終终結结絕绝給给統统絲丝綜综綠绿維维網网緊紧線线編编緩缓練练縣县',
  '縮缩總总績绩織织繁繁續续罰罚羅罗義义習习聖圣聞闻聯联聰聪職职肅肃膽胆臉脸興兴舉举',
  '艱艰藝艺蘇苏蘭兰處处號号虧亏補补製制複复規规視视覺觉親亲觀观計计訂订認认討讨訓训',
  '記记設设許许訪访診诊詞词評评試试話话該该詳详誌志語语誤误說说課课調调請请論论諮咨',
  '謀谋講讲謝谢證证識识譯译議议護护讓让變变豐丰貝贝負负財财貢贡貧贫貨货販贩責责貴贵',
  '貸贷費费貿贸資资賈贾賓宾賠赔賦赋質质購购賽赛贊赞趕赶趨趋蹤踪車车軌轨軍军軟软載载',
  '輔辅輕轻輛辆輪轮輸输轄辖辦办農农邊边遼辽郵邮鄉乡酬酬醫医釋释針针釣钓銀银銷销鋼钢',
  '錄录錢钱錯错鍵键鐵铁鑒鉴長长門门閉闭開开閒闲間间閣阁闆板闊阔關关闡阐陣阵陰阴隊队',
  '階阶際际隱隐雖虽雙双雜杂難难電电須须頒颁頓顿頗颇頭头顆颗題题顯显飲饮飾饰養养餐餐',
  '驅驱體体鬆松點点黨党齡龄',
  // Dates, quantities and frames: 號, 個, 萬, 億, 屆, 週, 歲, 餘, 臺.
  '萬万億亿個个屆届歲岁兩两幾几雙双樓楼層层擴扩簽签權权辭辞劉刘張张陳陈楊杨趙赵吳吴',
  '孫孙鄭郑馮冯蔣蒋沈沈韓韩楊杨朱朱許许呂吕鄧邓錢钱湯汤蕭萧葉叶羅罗謝谢馬马',
  // Words of notices and web pages: 現將, 印發, 給你們, 請認真貫徹, 經, 同意, 發佈, 來源.
  '將将給给們们請请認认貫贯徹彻經经佈布來来瀏浏覽览擊击閱阅讀读聲声鏈链輯辑掃扫錄录',
  '啟启腦脑鐘钟響响屬属壓压厲厉廠厂廣广歷历勵励勞劳勢势勸劝匯汇協协卻却厭厌縣县參参',
  '雙双發发變变葉叶號号嘆叹嚴严國国圍围園园圖图團团執执堅坚場场塊块報报壞坏壯壮壽寿',
  '夢梦奪夺奮奋婦妇媽妈孫孙學学寧宁寶宝實实審审寫写寬宽將将專专尋寻導导層层屬属岡冈',
  '島岛嶺岭幣币幹干廚厨廟庙廢废廣广張张強强彈弹徑径從从復复徵征德德恆恒恥耻悅悦惡恶',
  '惱恼愛爱態态慶庆憂忧憑凭懷怀戰战戲戏據据掃扫換换揮挥損损搖摇擁拥擇择擋挡擔担擬拟',
  '擴扩攝摄敗败敘叙斂敛斬斩斷断晉晋暫暂曆历書书會会東东條条棄弃極极構构槓杠標标樞枢',
  '樹树橫横檢检櫃柜歐欧歸归殼壳毀毁氣气決决沒没測测淚泪淺浅淨净渦涡溝沟準准溫温滅灭',
  '漁渔潔洁潛潜澤泽濱滨灑洒爐炉牘牍狀状猶犹獲获玀猡瑣琐環环瓊琼產产畢毕異异疊叠瘡疮',
  '盜盗眾众礦矿禍祸稅税穀谷竊窃競竞筍笋節节範范篩筛糾纠紛纷紹绍絡络給给絕绝絡络綁绑',
  '綱纲綿绵緒绪緝缉縫缝繩绳罷罢聯联肅肃脅胁脫脱腎肾膚肤臘腊臨临舊旧艙舱莊庄萊莱蒼苍',
  '蓋盖蔥葱薦荐藥药蘆芦處处虛虚蟲虫蠶蚕衆众術术衛卫裝装製制襯衬覆覆見见規规覺觉觸触',
  '訊讯託托詐诈詢询該该誠诚誕诞誘诱誼谊諒谅諸诸謊谎謹谨譜谱譽誉讚赞豎竖豬猪貓猫貞贞',
  '賬账賴赖贈赠贏赢趙赵跡迹踐践躍跃軸轴較较輩辈輯辑轉转辯辩辭辞遞递遲迟遺遗邏逻鄰邻',
  '醜丑鈔钞鋪铺鎖锁鏡镜鐘钟閃闪閘闸闖闯闢辟陝陕陸陆隴陇霸霸靈灵韋韦頰颊頸颈顛颠飄飘',
  '饑饥馳驰騙骗騰腾驚惊骯肮髒脏鬧闹魯鲁鮮鲜鳳凤鴻鸿鵬鹏鹽盐麵面',
].join('');

/** Traditional code unit → simplified code unit; 0 where a unit stays as it is. */
const foldTable = new Uint16Array(0x10000);
for (let i = 0; i + 1 < pairs.length; i += 2) {
  const traditional = pairs.charCodeAt(i);
  const simplified = pairs.charCodeAt(i + 1);
  if (traditional !== simplified) foldTable[traditional] = simplified;
}

/**
 * The text with every Traditional character of the table in its simplified form: same length,
 * same offsets. The copy is made once per document; most characters need no change, so it is
 * built from unchanged runs.
 */
export function foldScript(text: string): string {
  let folded = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const to = foldTable[text.charCodeAt(i)] as number;
    if (to === 0) continue;
    folded += text.slice(runStart, i) + String.fromCharCode(to);
    runStart = i + 1;
  }
  return runStart === 0 ? text : folded + text.slice(runStart);
}
