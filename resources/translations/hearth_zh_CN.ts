<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CatalogActions</name>
    <message>
        <location filename="../../app/gui/actions/catalogs.py" line="47"/>
        <source>Added {0} to your history.</source>
        <translation>已将 {0} 加入你的历史。</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions/catalogs.py" line="48"/>
        <source>Added {0} to your history, rated {1}/5.</source>
        <translation>已将 {0} 加入你的历史，评分 {1}/5。</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <location filename="../../app/gui/pages/catalogs.py" line="72"/>
        <source>All catalogs</source>
        <translation>全部目录</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/catalogs.py" line="73"/>
        <source>Catalog</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/catalogs.py" line="92"/>
        <source>Search the catalog</source>
        <translation>搜索目录</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/catalogs.py" line="100"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/catalogs.py" line="101"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/catalogs.py" line="78"/>
        <location filename="../../app/gui/pages/catalogs.py" line="102"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/catalogs.py" line="75"/>
        <source>Films and books</source>
        <translation>电影和图书</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/catalogs.py" line="75"/>
        <source>Films</source>
        <translation>电影</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/catalogs.py" line="76"/>
        <source>Books</source>
        <translation>图书</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/catalogs.py" line="80"/>
        <source>From year</source>
        <translation>起始年份</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/catalogs.py" line="81"/>
        <source>To year</source>
        <translation>截止年份</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/catalogs.py" line="85"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/catalogs.py" line="90"/>
        <source>A title, an author or director, or what it is about</source>
        <translation>标题、作者或导演，或者它讲的是什么</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/catalogs.py" line="103"/>
        <source>By</source>
        <translation>作者/导演</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/catalogs.py" line="104"/>
        <source>Genres</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/catalogs.py" line="106"/>
        <source>Ratings</source>
        <translation>评分数</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/catalogs.py" line="114"/>
        <source>Catalog items</source>
        <translation>目录条目</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/catalogs.py" line="115"/>
        <source>Add to my history…</source>
        <translation>加入我的历史…</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/catalogs.py" line="116"/>
        <source>Add the selected title to your history, with your rating if you like (Enter, or double-click it)</source>
        <translation>把所选作品加入你的历史，可附上评分（按 Enter，或双击它）</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../app/gui/charts.py" line="108"/>
        <source>Jan</source>
        <translation>1月</translation>
    </message>
    <message>
        <location filename="../../app/gui/charts.py" line="108"/>
        <source>Feb</source>
        <translation>2月</translation>
    </message>
    <message>
        <location filename="../../app/gui/charts.py" line="108"/>
        <source>Mar</source>
        <translation>3月</translation>
    </message>
    <message>
        <location filename="../../app/gui/charts.py" line="108"/>
        <source>Apr</source>
        <translation>4月</translation>
    </message>
    <message>
        <location filename="../../app/gui/charts.py" line="108"/>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <location filename="../../app/gui/charts.py" line="108"/>
        <source>Jun</source>
        <translation>6月</translation>
    </message>
    <message>
        <location filename="../../app/gui/charts.py" line="109"/>
        <source>Jul</source>
        <translation>7月</translation>
    </message>
    <message>
        <location filename="../../app/gui/charts.py" line="109"/>
        <source>Aug</source>
        <translation>8月</translation>
    </message>
    <message>
        <location filename="../../app/gui/charts.py" line="109"/>
        <source>Sep</source>
        <translation>9月</translation>
    </message>
    <message>
        <location filename="../../app/gui/charts.py" line="109"/>
        <source>Oct</source>
        <translation>10月</translation>
    </message>
    <message>
        <location filename="../../app/gui/charts.py" line="109"/>
        <source>Nov</source>
        <translation>11月</translation>
    </message>
    <message>
        <location filename="../../app/gui/charts.py" line="109"/>
        <source>Dec</source>
        <translation>12月</translation>
    </message>
    <message>
        <location filename="../../app/gui/charts.py" line="112"/>
        <source>Films</source>
        <translation>电影</translation>
    </message>
    <message>
        <location filename="../../app/gui/charts.py" line="112"/>
        <source>Books</source>
        <translation>图书</translation>
    </message>
    <message>
        <location filename="../../app/gui/charts.py" line="117"/>
        <source>{0} film</source>
        <translation>{0}部电影</translation>
    </message>
    <message>
        <location filename="../../app/gui/charts.py" line="117"/>
        <source>{0} films</source>
        <translation>{0}部电影</translation>
    </message>
    <message>
        <location filename="../../app/gui/charts.py" line="119"/>
        <source>{0} book</source>
        <translation>{0}本书</translation>
    </message>
    <message>
        <location filename="../../app/gui/charts.py" line="119"/>
        <source>{0} books</source>
        <translation>{0}本书</translation>
    </message>
    <message>
        <location filename="../../app/gui/charts.py" line="123"/>
        <source>{0}s</source>
        <translation>{0}年代</translation>
    </message>
    <message>
        <location filename="../../app/gui/charts.py" line="130"/>
        <location filename="../../app/gui/charts.py" line="174"/>
        <source>Films and books</source>
        <translation>电影和图书</translation>
    </message>
    <message>
        <location filename="../../app/gui/charts.py" line="132"/>
        <source>{0} in {1}, month by month</source>
        <translation>{1}年的{0}：逐月</translation>
    </message>
    <message>
        <location filename="../../app/gui/charts.py" line="134"/>
        <source>{0} in {1}: your ratings</source>
        <translation>{1}年的{0}：你的评分</translation>
    </message>
    <message>
        <location filename="../../app/gui/charts.py" line="136"/>
        <source>{0}: top genres, year by year</source>
        <translation>{0}：主要类型，逐年</translation>
    </message>
    <message>
        <location filename="../../app/gui/charts.py" line="138"/>
        <source>{0} in {1}: most seen creators</source>
        <translation>{1}年的{0}：最常看的创作者</translation>
    </message>
    <message>
        <location filename="../../app/gui/charts.py" line="140"/>
        <source>{0} in {1}: decade of release</source>
        <translation>{1}年的{0}：出品年代</translation>
    </message>
    <message>
        <location filename="../../app/gui/charts.py" line="190"/>
        <source>Your rating</source>
        <translation>你的评分</translation>
    </message>
</context>
<context>
    <name>DownloadDialog</name>
    <message>
        <location filename="../../app/gui/actions/download.py" line="16"/>
        <source>Download a model</source>
        <translation>下载模型</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions/download.py" line="19"/>
        <source>sha256 of the file (recommended)</source>
        <translation>文件的 sha256（建议填写）</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions/download.py" line="21"/>
        <source>Hearth will connect to this address, and nowhere else.</source>
        <translation>Hearth 只会连接这个地址，不会连接其他任何地方。</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions/download.py" line="22"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions/download.py" line="23"/>
        <source>Checksum</source>
        <translation>校验和</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions/download.py" line="37"/>
        <source>Downloading the model…</source>
        <translation>正在下载模型…</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../app/gui/errors.py" line="18"/>
        <source>This file or input cannot be used.</source>
        <translation>无法使用这个文件或输入。</translation>
    </message>
    <message>
        <location filename="../../app/gui/errors.py" line="20"/>
        <source>Hearth cannot find what was asked for.</source>
        <translation>Hearth 找不到你要的内容。</translation>
    </message>
    <message>
        <location filename="../../app/gui/errors.py" line="22"/>
        <source>Your data could not be read or saved; nothing stored was changed.</source>
        <translation>无法读取或保存你的数据；已保存的内容没有任何改动。</translation>
    </message>
    <message>
        <location filename="../../app/gui/errors.py" line="24"/>
        <source>A model cannot be used.</source>
        <translation>有一个模型无法使用。</translation>
    </message>
    <message>
        <location filename="../../app/gui/errors.py" line="25"/>
        <source>Something could not be done.</source>
        <translation>有一项操作没能完成。</translation>
    </message>
    <message>
        <location filename="../../app/gui/errors.py" line="33"/>
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
    <message>
        <location filename="../../app/gui/errors.py" line="46"/>
        <source>Something went wrong: {0}</source>
        <translation>出错了：{0}</translation>
    </message>
</context>
<context>
    <name>ExplainPanel</name>
    <message>
        <location filename="../../app/gui/explain_panel.py" line="24"/>
        <source>Select a recommendation to see why it is there.</source>
        <translation>选择一条推荐，查看推荐它的原因。</translation>
    </message>
    <message>
        <location filename="../../app/gui/explain_panel.py" line="32"/>
        <source>About this title</source>
        <translation>关于这部作品</translation>
    </message>
    <message>
        <location filename="../../app/gui/explain_panel.py" line="40"/>
        <source>Explanation</source>
        <translation>解释</translation>
    </message>
    <message>
        <location filename="../../app/gui/explain_panel.py" line="45"/>
        <source>How the explanation was made</source>
        <translation>解释的生成方式</translation>
    </message>
    <message>
        <location filename="../../app/gui/explain_panel.py" line="51"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../app/gui/explain_panel.py" line="54"/>
        <source>Stop writing the explanation</source>
        <translation>停止生成解释</translation>
    </message>
    <message>
        <location filename="../../app/gui/explain_panel.py" line="57"/>
        <source>What the match is made of</source>
        <translation>匹配度由什么构成</translation>
    </message>
    <message>
        <location filename="../../app/gui/explain_panel.py" line="97"/>
        <source>Writing…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <location filename="../../app/gui/explain_panel.py" line="116"/>
        <source>Draft rejected by the checker; writing again…</source>
        <translation>草稿未通过校验，正在重写…</translation>
    </message>
    <message>
        <location filename="../../app/gui/explain_panel.py" line="123"/>
        <source>Written by the local language model · checked against the evidence</source>
        <translation>由本地语言模型撰写 · 已对照证据校验</translation>
    </message>
    <message>
        <location filename="../../app/gui/explain_panel.py" line="125"/>
        <source>Built from the evidence (template)</source>
        <translation>根据证据生成（模板）</translation>
    </message>
    <message>
        <location filename="../../app/gui/explain_panel.py" line="127"/>
        <source>Not verified</source>
        <translation>未经验证</translation>
    </message>
    <message>
        <location filename="../../app/gui/explain_panel.py" line="130"/>
        <source>The language model could not be used: built from the evidence (template)</source>
        <translation>无法使用语言模型：根据证据生成（模板）</translation>
    </message>
    <message>
        <location filename="../../app/gui/explain_panel.py" line="139"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
</context>
<context>
    <name>HistoryActions</name>
    <message>
        <location filename="../../app/gui/actions/history.py" line="61"/>
        <source>Removed {0}. Undo with Ctrl+Z.</source>
        <translation>已移除 {0}。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions/history.py" line="73"/>
        <source>Restored {0}.</source>
        <translation>已恢复 {0}。</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions/history.py" line="83"/>
        <source>Removed the sample profile ({0} entries).</source>
        <translation>已移除示例档案（{0} 个条目）。</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../../app/gui/pages/history.py" line="105"/>
        <location filename="../../app/gui/pages/history.py" line="107"/>
        <source>Search your history</source>
        <translation>搜索你的历史</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="110"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="113"/>
        <source>By</source>
        <translation>作者/导演</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="114"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="115"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="116"/>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="117"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="118"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="118"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="119"/>
        <source>did not finish</source>
        <translation>未读完</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="120"/>
        <source>on the shelf {0}</source>
        <translation>在书架“{0}”上</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="122"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="140"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="143"/>
        <source>Add from catalog…</source>
        <translation>从目录添加…</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="144"/>
        <source>Find a title in the catalogs and add it with your rating</source>
        <translation>在目录中找到一部作品，连同你的评分加入历史</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="146"/>
        <source>Import a file…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="147"/>
        <source>Import an export from Goodreads, Letterboxd, StoryGraph, IMDb or a CSV (Ctrl+I)</source>
        <translation>导入豆瓣、Goodreads、Letterboxd、StoryGraph、IMDb 的导出文件或 CSV（Ctrl+I）</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="149"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="151"/>
        <source>Delete the selected entry (Del)</source>
        <translation>删除所选条目（Del）</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="153"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="155"/>
        <source>Put back the entry deleted last (Ctrl+Z)</source>
        <translation>恢复最后删除的条目（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="160"/>
        <source>Titles saved for later (a watchlist or a to-read shelf) are not history, but they count as what you want to watch or read.</source>
        <translation>收藏待看/待读的作品（想看清单或待读书架）不算历史，但算作你想看、想读的。</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="180"/>
        <source>Remove sample</source>
        <translation>移除示例</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="181"/>
        <source>Remove the sample&apos;s entries; your own stay</source>
        <translation>移除示例档案的条目；你自己的条目保留</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="194"/>
        <source>{0} of {1} entries</source>
        <translation>{1} 条中的 {0} 条</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="196"/>
        <source>{0} entries · {1} saved for later, not history</source>
        <translation>{0} 条 · 另有 {1} 部待看/待读，不算历史</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="198"/>
        <source>{0} entries</source>
        <translation>{0} 条</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="206"/>
        <source>You are trying the sample profile: these {0} entries are examples, not yours.</source>
        <translation>你正在试用示例档案：这 {0} 个条目只是示例，不是你的。</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="208"/>
        <source>Your own entries are here now; {0} entries of the sample profile are still mixed in.</source>
        <translation>你自己的条目已经在这里了；其中仍混有 {0} 个示例档案的条目。</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="218"/>
        <source>Sample</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="220"/>
        <source>Added by hand</source>
        <translation>手动添加</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="226"/>
        <source>An example entry of the sample profile, not yours</source>
        <translation>示例档案中的条目，不是你的</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/history.py" line="228"/>
        <source>Imported from {0}</source>
        <translation>导入自 {0}</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../app/gui/import_report.py" line="39"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_report.py" line="47"/>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_report.py" line="60"/>
        <source>Shelves whose names do not say whether you read the book</source>
        <translation>书架名称看不出你是否读过的书架</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_report.py" line="63"/>
        <source>Keep: counts a little</source>
        <translation>保留：略微计入</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_report.py" line="64"/>
        <source>Read</source>
        <translation>已读</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_report.py" line="65"/>
        <source>Saved for later</source>
        <translation>稍后再看</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_report.py" line="66"/>
        <source>Did not finish</source>
        <translation>未读完</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_report.py" line="67"/>
        <source>Not interested</source>
        <translation>不感兴趣</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_report.py" line="68"/>
        <source>Leave out</source>
        <translation>不导入</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_report.py" line="74"/>
        <source>Meaning of the shelf {0}</source>
        <translation>书架“{0}”的含义</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_report.py" line="75"/>
        <source>{0} ({1} entries)</source>
        <translation>{0}（{1} 条）</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_report.py" line="77"/>
        <source>Import again with these choices</source>
        <translation>按这些选择重新导入</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_report.py" line="94"/>
        <source>{0} read or watched, {1} saved for later, {2} counted against; {3} of {4} found in a catalog.</source>
        <translation>已读或已看 {0} 条，稍后再看 {1} 条，负面 {2} 条；{4} 条中有 {3} 条在目录中找到。</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_report.py" line="102"/>
        <source>  Format: {0} ({1})</source>
        <translation>  格式：{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_report.py" line="103"/>
        <source>Guessed: {0}</source>
        <translation>推测：{0}</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_report.py" line="103"/>
        <source>Recognised: {0}</source>
        <translation>识别依据：{0}</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_report.py" line="105"/>
        <source>  Read or watched: {0}</source>
        <translation>  已读或已看：{0}</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_report.py" line="106"/>
        <source>  Saved for later (to read, watchlist): {0}</source>
        <translation>  稍后再看（想读、待看清单）：{0}</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_report.py" line="107"/>
        <source>  Did not finish or not interested: {0}</source>
        <translation>  未读完或不感兴趣：{0}</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_report.py" line="109"/>
        <source>  Counted against in ranking: {0} (rated {1} or lower, or not finished)</source>
        <translation>  在排序中算作负面：{0}（评分 {1} 及以下，或未看完/未读完）</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_report.py" line="112"/>
        <source>  Counted against in ranking: {0}</source>
        <translation>  在排序中算作负面：{0}</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_report.py" line="114"/>
        <source>  Liked, not said to be watched (likes, not history): {0}</source>
        <translation>  喜欢但未标记看过（算作喜欢，不算历史）：{0}</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_report.py" line="116"/>
        <source>  On the shelf {0}, unrated: {1}</source>
        <translation>  在书架“{0}”上、未评分：{1}</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_report.py" line="119"/>
        <source>  Skipped: {0}</source>
        <translation>  跳过：{0}</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_report.py" line="120"/>
        <source>  Found in a catalog: {0} of {1} ({2:.0%})</source>
        <translation>  在目录中找到：{1} 条中的 {0} 条（{2:.0%}）</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_report.py" line="125"/>
        <source>  Matched by author and a similar or translated title (check these):</source>
        <translation>  按作者和相近或译名标题匹配（请核对）：</translation>
    </message>
    <message>
        <location filename="../../app/gui/import_report.py" line="128"/>
        <source>  Not in a catalog, for example:</source>
        <translation>  不在目录中的条目，例如：</translation>
    </message>
</context>
<context>
    <name>Importing</name>
    <message>
        <location filename="../../app/gui/actions/importing.py" line="42"/>
        <source>Import your history</source>
        <translation>导入你的历史</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions/importing.py" line="43"/>
        <source>Exports ({0});;All files (*)</source>
        <translation>导出文件 ({0});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions/importing.py" line="49"/>
        <source>Import an export folder</source>
        <translation>导入导出文件夹</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions/importing.py" line="65"/>
        <source>{0} files</source>
        <translation>{0} 个文件</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions/importing.py" line="68"/>
        <source>Importing {0}…</source>
        <translation>正在导入 {0}…</translation>
    </message>
</context>
<context>
    <name>InterestActions</name>
    <message>
        <location filename="../../app/gui/actions/interests.py" line="48"/>
        <source>Your history is empty, so there is no taste to describe yet. Titles saved for later say what you want to read or watch, not what you liked: import or add what you have read or watched.</source>
        <translation>你的历史记录是空的，所以还没有可以描述的口味。收藏待看/待读的作品只说明你想看什么，不说明你喜欢什么：请导入或添加你读过、看过的作品。</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions/interests.py" line="56"/>
        <source>Describing your tastes…</source>
        <translation>正在描述你的口味…</translation>
    </message>
</context>
<context>
    <name>InterestsPage</name>
    <message>
        <location filename="../../app/gui/pages/interests.py" line="162"/>
        <source>Interest</source>
        <translation>兴趣</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/interests.py" line="162"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/interests.py" line="162"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/interests.py" line="163"/>
        <source>Interest facets</source>
        <translation>兴趣面</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/interests.py" line="176"/>
        <source>Your taste, in words</source>
        <translation>用文字描述你的口味</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/interests.py" line="180"/>
        <source>Describe my tastes</source>
        <translation>描述我的口味</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/interests.py" line="189"/>
        <source>Interest map legend</source>
        <translation>兴趣地图图例</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/interests.py" line="217"/>
        <location filename="../../app/gui/pages/interests.py" line="227"/>
        <source>Pinned interests</source>
        <translation>固定的兴趣</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/interests.py" line="221"/>
        <source>Words you pinned on the Recommendations page: they count in every list</source>
        <translation>你在推荐页固定的词语：它们在每个列表中都起作用</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/interests.py" line="222"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/interests.py" line="275"/>
        <source>Interest map: your history and recommendations</source>
        <translation>兴趣地图：你的历史与推荐</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/interests.py" line="342"/>
        <source>last year</source>
        <translation>近一年</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/interests.py" line="317"/>
        <source>Opening by the local language model, checked; the rest from your facets</source>
        <translation>开头由本地语言模型撰写并已核对，其余来自你的兴趣类别</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/interests.py" line="423"/>
        <source>{0}
× {1}
similarity {2:.2f}</source>
        <translation>{0}
× {1}
相似度 {2:.2f}</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/interests.py" line="183"/>
        <source>Interest map</source>
        <translation>兴趣地图</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/interests.py" line="276"/>
        <source>Similarity: history (rows) × recommendations (columns)</source>
        <translation>相似度：历史（行）× 推荐（列）</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/interests.py" line="201"/>
        <source>Similarity heatmap</source>
        <translation>相似度热图</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/interests.py" line="287"/>
        <source>Describing your tastes…</source>
        <translation>正在描述你的口味…</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/interests.py" line="318"/>
        <source>Built from your facets (template)</source>
        <translation>根据你的兴趣面生成（模板）</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/interests.py" line="327"/>
        <source>None yet: type what you are in the mood for on the Recommendations page and press Pin.</source>
        <translation>还没有：在推荐页输入你想看的内容，然后点“固定”。</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/interests.py" line="343"/>
        <source>year to {0}/{1}</source>
        <translation>截至{1}年{0}月的一年</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/interests.py" line="347"/>
        <source>grew in your last year</source>
        <translation>在你最近一年的记录中增长</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/interests.py" line="349"/>
        <source>growing lately</source>
        <translation>最近增多</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/interests.py" line="351"/>
        <source>since {0}</source>
        <translation>自 {0} 年起</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/interests.py" line="353"/>
        <source>until {0}</source>
        <translation>至 {0} 年</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/interests.py" line="364"/>
        <source>recommended</source>
        <translation>推荐</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <location filename="../../app/gui/tables.py" line="22"/>
        <source>film</source>
        <translation>电影</translation>
    </message>
    <message>
        <location filename="../../app/gui/tables.py" line="23"/>
        <source>book</source>
        <translation>图书</translation>
    </message>
    <message>
        <location filename="../../app/gui/tables.py" line="24"/>
        <source>TV, other</source>
        <translation>剧集等</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/gui/window.py" line="56"/>
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
    <message>
        <location filename="../../app/gui/window.py" line="75"/>
        <source>Recommendations</source>
        <translation>推荐</translation>
    </message>
    <message>
        <location filename="../../app/gui/window.py" line="75"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../app/gui/window.py" line="76"/>
        <source>Catalogs</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../app/gui/window.py" line="76"/>
        <source>Interests</source>
        <translation>兴趣</translation>
    </message>
    <message>
        <location filename="../../app/gui/window.py" line="77"/>
        <source>Your year</source>
        <translation>你的一年</translation>
    </message>
    <message>
        <location filename="../../app/gui/window.py" line="78"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../app/gui/window.py" line="78"/>
        <source>Privacy</source>
        <translation>隐私</translation>
    </message>
    <message>
        <location filename="../../app/gui/window.py" line="120"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../app/gui/window.py" line="122"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/gui/window.py" line="123"/>
        <source>Cancel the running task</source>
        <translation>取消正在运行的任务</translation>
    </message>
    <message>
        <location filename="../../app/gui/window.py" line="134"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/gui/window.py" line="135"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../app/gui/window.py" line="139"/>
        <source>Import a &amp;folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../app/gui/window.py" line="142"/>
        <source>&amp;Export everything…</source>
        <translation>导出全部数据(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/gui/window.py" line="146"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/gui/window.py" line="150"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/gui/window.py" line="156"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/gui/window.py" line="331"/>
        <source>Preparing the catalogs…</source>
        <translation>正在准备目录…</translation>
    </message>
    <message>
        <location filename="../../app/gui/window.py" line="222"/>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
</context>
<context>
    <name>PrivacyActions</name>
    <message>
        <location filename="../../app/gui/actions/privacy.py" line="40"/>
        <source>Export everything to</source>
        <translation>将全部数据导出到</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions/privacy.py" line="44"/>
        <source>Exported to {0}</source>
        <translation>已导出到 {0}</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions/privacy.py" line="49"/>
        <source>Delete everything?</source>
        <translation>删除全部数据？</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions/privacy.py" line="50"/>
        <source>This deletes your history, ratings, feedback, imports and settings from this computer. It cannot be undone.</source>
        <translation>这会从这台电脑上删除你的历史、评分、反馈、导入记录和设置，且无法撤销。</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <location filename="../../app/gui/pages/privacy.py" line="29"/>
        <source>Export everything…</source>
        <translation>导出全部数据…</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/privacy.py" line="31"/>
        <source>Delete everything…</source>
        <translation>删除全部数据…</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/privacy.py" line="47"/>
        <source>Hearth keeps everything on this computer: your history, ratings and feedback live in one SQLite file, the models run here, and nothing is sent anywhere. The only network use is a model download you start yourself.</source>
        <translation>Hearth 把一切都留在这台电脑上：你的历史、评分和反馈保存在一个 SQLite 文件里，模型在本机运行，不向任何地方发送数据。唯一会用到网络的，是你自己发起的模型下载。</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/privacy.py" line="52"/>
        <source>Your data: {0}
Size: {1:.1f} MB · {2} history entries · {3} to read or watch later · {4} feedback marks (like, dislike, not interested)</source>
        <translation>你的数据：{0}
大小：{1:.1f} MB · {2} 条历史 · {3} 条稍后再读/再看 · {4} 个反馈标记（喜欢、不喜欢、不感兴趣）</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/privacy.py" line="21"/>
        <source>Nothing leaves this computer.</source>
        <translation>任何数据都不会离开这台电脑。</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <location filename="../../app/gui/plain.py" line="34"/>
        <source>Installing {0}</source>
        <translation>正在安装{0}</translation>
    </message>
    <message>
        <location filename="../../app/gui/plain.py" line="36"/>
        <source>Importing {0}</source>
        <translation>正在导入 {0}</translation>
    </message>
    <message>
        <location filename="../../app/gui/plain.py" line="37"/>
        <source>Reading your words</source>
        <translation>正在读取你输入的内容</translation>
    </message>
    <message>
        <location filename="../../app/gui/plain.py" line="38"/>
        <source>Reading your own items</source>
        <translation>正在读取你自己的条目</translation>
    </message>
    <message>
        <location filename="../../app/gui/plain.py" line="39"/>
        <source>Reading the texts</source>
        <translation>正在读取文本</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../app/gui/qt_strings.py" line="12"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../app/gui/qt_strings.py" line="13"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <location filename="../../app/gui/qt_strings.py" line="14"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../app/gui/qt_strings.py" line="15"/>
        <source>%1 File</source>
        <translation>%1 文件</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../app/gui/qt_strings.py" line="10"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../app/gui/qt_strings.py" line="11"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RatingDialog</name>
    <message>
        <location filename="../../app/gui/pages/catalogs.py" line="39"/>
        <source>Add to my history</source>
        <translation>加入我的历史</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/catalogs.py" line="46"/>
        <source>Your rating</source>
        <translation>你的评分</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/catalogs.py" line="48"/>
        <source>Add with this rating</source>
        <translation>按此评分加入</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/catalogs.py" line="49"/>
        <source>Add without a rating</source>
        <translation>不评分，直接加入</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/catalogs.py" line="56"/>
        <source>How did you like {0}?</source>
        <translation>你觉得 {0} 怎么样？</translation>
    </message>
</context>
<context>
    <name>RecommendActions</name>
    <message>
        <location filename="../../app/gui/actions/recommend.py" line="87"/>
        <source>{0:.0f} tokens/s</source>
        <translation>{0:.0f} 词元/秒</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions/recommend.py" line="105"/>
        <source>Liked: {0}. It and titles like it move up.</source>
        <translation>已喜欢：{0}。它和类似的作品会排得更靠前。</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions/recommend.py" line="106"/>
        <source>Disliked: {0}. It and titles like it move down.</source>
        <translation>已标为不喜欢：{0}。它和类似的作品会排得更靠后。</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions/recommend.py" line="107"/>
        <source>Not interested: {0}. It is not recommended again.</source>
        <translation>不感兴趣：{0}。不会再推荐它。</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions/recommend.py" line="108"/>
        <source>Saved for later: {0}. It is marked so in the list.</source>
        <translation>已存为稍后再看：{0}。列表中已标出。</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions/recommend.py" line="120"/>
        <source>More like {0}</source>
        <translation>更多类似 {0} 的</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions/recommend.py" line="132"/>
        <source>Pinned: {0}. It counts in every list until you remove it on the Interests page.</source>
        <translation>已固定：{0}。在兴趣页移除之前，它在每个列表中都起作用。</translation>
    </message>
</context>
<context>
    <name>RecommendPage</name>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="82"/>
        <source>What are you in the mood for? e.g. dark science fiction with a twist</source>
        <translation>你想看点什么？例如：有反转的黑暗科幻</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="84"/>
        <source>What you are in the mood for</source>
        <translation>你想看的内容</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="88"/>
        <source>Pin</source>
        <translation>固定</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="89"/>
        <source>Keep these words as a standing interest (listed on the Interests page)</source>
        <translation>把这些词保留为长期兴趣（列在兴趣页）</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="92"/>
        <source>Films and books</source>
        <translation>电影和图书</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="92"/>
        <source>Films</source>
        <translation>电影</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="93"/>
        <source>Books</source>
        <translation>图书</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="95"/>
        <location filename="../../app/gui/pages/recommend.py" line="144"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="98"/>
        <source>From year</source>
        <translation>起始年份</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="98"/>
        <source>To year</source>
        <translation>截止年份</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="105"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="107"/>
        <source>All catalogs</source>
        <translation>全部目录</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="108"/>
        <location filename="../../app/gui/pages/recommend.py" line="130"/>
        <source>Catalog</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="110"/>
        <source>All genres</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="111"/>
        <location filename="../../app/gui/pages/recommend.py" line="131"/>
        <source>Genre</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="116"/>
        <location filename="../../app/gui/pages/recommend.py" line="131"/>
        <source>Diversity</source>
        <translation>多样性</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="117"/>
        <source>0: by score only · 100: as varied as possible</source>
        <translation>0：只按分数 · 100：尽可能多样</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="118"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="129"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="129"/>
        <source>Years</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="142"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="143"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="145"/>
        <source>Match</source>
        <translation>匹配度</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="146"/>
        <source>Yours</source>
        <translation>你的标记</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="158"/>
        <source>Recommendations</source>
        <translation>推荐</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="164"/>
        <source>Preparing your recommendations…</source>
        <translation>正在准备你的推荐……</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="184"/>
        <source>Like</source>
        <translation>喜欢</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="184"/>
        <source>Dislike</source>
        <translation>不喜欢</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="185"/>
        <source>Not interested</source>
        <translation>不感兴趣</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="185"/>
        <source>Save for later</source>
        <translation>稍后再看</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="186"/>
        <source>Mark as read/watched…</source>
        <translation>标记为已读/已看…</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="186"/>
        <source>More like this</source>
        <translation>更多类似的</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="189"/>
        <source>Key: {0}</source>
        <translation>快捷键：{0}</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="264"/>
        <source>Updating the list…</source>
        <translation>正在更新列表……</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="279"/>
        <source>{0} recommendations</source>
        <translation>{0} 条推荐</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="295"/>
        <source>Liked</source>
        <translation>已喜欢</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="295"/>
        <source>Saved</source>
        <translation>稍后再看</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="300"/>
        <source>{0:.0%} of the score of your best match
P(i|u) = {1:.4%} (the chance, among all the candidates, that this is the one for you)
score {2:.5f} = text similarity {3:+.5f} + liked by the same people {4:+.5f} + popularity {5:+.5f} + your feedback {6:+.5f}</source>
        <translation>相当于你最佳匹配得分的 {0:.0%}
P(i|u) = {1:.4%}（在所有候选作品中，这正是你想要的那一部的概率）
得分 {2:.5f} = 文本相似度 {3:+.5f} + 同好之选 {4:+.5f} + 热门程度 {5:+.5f} + 你的反馈 {6:+.5f}</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="320"/>
        <source>Your rating</source>
        <translation>你的评分</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/recommend.py" line="324"/>
        <source>How did you like {0}? (0.5 to 5)</source>
        <translation>你觉得 {0} 怎么样？（0.5 到 5）</translation>
    </message>
</context>
<context>
    <name>ReportText</name>
    <message>
        <location filename="../../app/gui/report_text.py" line="23"/>
        <source>film</source>
        <translation>电影</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="24"/>
        <source>book</source>
        <translation>图书</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="25"/>
        <source>film or book</source>
        <translation>电影或图书</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="26"/>
        <source>director</source>
        <translation>导演</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="27"/>
        <source>author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="32"/>
        <source>{0} rows have only a Chinese (or Japanese, Korean) title: such a title names a catalog work only when it is that work&apos;s own title, or the same title with the same year and director or author, as a wrong match is worse than none; these are kept as your own items</source>
        <translation>{0} 行只有中文（或日文、韩文）标题：只有当它正是某部作品的原名，或标题相同且年份和导演/作者也相同时，才会对应到目录中的作品——错配比不配更糟；这些条目保留为你自己的条目</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="39"/>
        <source>only a Chinese (or Japanese, Korean) title, which no catalog work has</source>
        <translation>只有中文（或日文、韩文）标题，目录中没有作品用这个标题</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="44"/>
        <source>only a Chinese (or Japanese, Korean) title: a catalog {0} has it, but the file does not show the same year and {1}</source>
        <translation>只有中文（或日文、韩文）标题：目录中有一部{0}用这个标题，但文件里看不出年份和{1}相同</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="50"/>
        <source>no catalog {0} has this title</source>
        <translation>目录中没有{0}用这个标题</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="54"/>
        <source>a catalog {0} has this title, from {1}, not {2}</source>
        <translation>目录中有一部{0}用这个标题，但年份是 {1}，不是 {2}</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="59"/>
        <source>not a film or a book (a TV series, a game...), and the catalogs hold films and books</source>
        <translation>不是电影或图书（电视剧、游戏……），而目录只收电影和图书</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="64"/>
        <source>a catalog book has this title, by {0}</source>
        <translation>目录中有同名图书，作者是 {0}</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="68"/>
        <source>a catalog book has this title, and the file names its author in Chinese characters only: kept out of your recommendations, not matched</source>
        <translation>目录中有同名图书，但文件里的作者名只有中文，无法确认是同一本：不会推荐给你，也不算匹配</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="73"/>
        <source>sheets that are not film or book history were left out: {0}</source>
        <translation>不是观影或阅读记录的工作表已略过：{0}</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="78"/>
        <source>no 看过 or 读过 sheet: nothing here was watched or read, only saved for later</source>
        <translation>没有“看过”或“读过”工作表：这里没有看过或读过的条目，只有想看/想读</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="83"/>
        <source>an entry Douban took down: it shows only as {0}</source>
        <translation>豆瓣已下架的条目：只显示为“{0}”</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="87"/>
        <source>the file is UTF-8 but for a few bytes, which were read as Windows-1252 (cp1252)</source>
        <translation>文件是 UTF-8 编码，只有少数字节不是，已按 Windows-1252（cp1252）读取</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="92"/>
        <source>line {0}: a quote opened there seems never to be closed, so the next {1} lines were read as part of one row; check the file</source>
        <translation>第 {0} 行：那里开始的引号似乎一直没有闭合，所以后面的 {1} 行被读成了同一行；请检查文件</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="97"/>
        <source>liked films that an earlier import had as watched on the day of the import are likes again, not history: {0}</source>
        <translation>以前的导入把喜欢的电影记为在导入当天看过，现在它们又算作喜欢，不算历史：{0}</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="102"/>
        <source>the file does not say what its rows are; read as {0}s, as most of them match</source>
        <translation>文件没有说明每行是什么；大多数行与{0}相符，因此都按{0}读取</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="137"/>
        <source>no title</source>
        <translation>没有标题</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="138"/>
        <source>not a film</source>
        <translation>不是电影</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="139"/>
        <source>not a book record</source>
        <translation>不是图书记录</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="140"/>
        <source>not a Trakt item</source>
        <translation>不是 Trakt 条目</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="141"/>
        <source>rating outside {0}</source>
        <translation>评分超出 {0}</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="142"/>
        <source>on a sheet you chose to skip</source>
        <translation>在你选择跳过的工作表上</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="143"/>
        <source>on the shelf {0}, which you chose to skip</source>
        <translation>在书架 {0} 上，你选择了跳过它</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="145"/>
        <source>with the status {0}, which you chose to skip</source>
        <translation>状态为 {0}，你选择了跳过它</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="147"/>
        <source>in the collection {0}, which you chose to skip</source>
        <translation>在收藏夹 {0} 里，你选择了跳过它</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="150"/>
        <source>a show, season or episode: Hearth recommends films and books, so these are left out</source>
        <translation>剧集、季或单集：Hearth 只推荐电影和书，所以这些没有导入</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="153"/>
        <source>music, a game or a stage play on Douban: not film or book history</source>
        <translation>豆瓣上的音乐、游戏或舞台剧：不是电影或图书的记录</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="165"/>
        <source>library export, {0} columns</source>
        <translation>书库导出，{0} 列</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="167"/>
        <source>library export without its header line, {0} columns</source>
        <translation>书库导出（没有表头行），{0} 列</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="168"/>
        <source>export</source>
        <translation>导出文件</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="170"/>
        <source>export cut down to {0} columns (no Star Rating)</source>
        <translation>删减到 {0} 列的导出文件（没有 Star Rating）</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="171"/>
        <source>ratings</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="172"/>
        <source>ratings, layout before 2018</source>
        <translation>评分，2018 年以前的格式</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="173"/>
        <source>watchlist</source>
        <translation>待看清单</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="174"/>
        <source>list</source>
        <translation>片单</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="176"/>
        <source>豆伴 sheet saved as CSV ({0})</source>
        <translation>另存为 CSV 的豆伴工作表（{0}）</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="178"/>
        <source>豆伴 sheet saved as CSV, its status not named</source>
        <translation>另存为 CSV 的豆伴工作表，未注明状态</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="180"/>
        <source>userscript CSV (without release date and country)</source>
        <translation>用户脚本导出的 CSV（没有上映日期和制片国家）</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="181"/>
        <source>userscript CSV ({0})</source>
        <translation>用户脚本导出的 CSV（{0}）</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="182"/>
        <source>doumark CSV</source>
        <translation>doumark 导出的 CSV</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="183"/>
        <source>豆伴 backup: {0}</source>
        <translation>豆伴备份：{0}</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="185"/>
        <source>the oldest tab-separated export ({0} columns)</source>
        <translation>最早的制表符分隔导出（{0} 列）</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="187"/>
        <source>tab-separated export, newer columns ({0})</source>
        <translation>制表符分隔导出，较新的列（{0}）</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="189"/>
        <source>tab-separated export, older columns ({0})</source>
        <translation>制表符分隔导出，较旧的列（{0}）</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="190"/>
        <source>JSON export</source>
        <translation>JSON 导出</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="191"/>
        <source>export ZIP: {0}</source>
        <translation>导出的 ZIP：{0}</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="192"/>
        <source>JSON: {0}</source>
        <translation>JSON：{0}</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="193"/>
        <source>export ZIP</source>
        <translation>导出的 ZIP</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="194"/>
        <source>loose CSVs ({0})</source>
        <translation>单独的 CSV 文件（{0}）</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="196"/>
        <source>export ZIP and loose CSVs ({0})</source>
        <translation>导出的 ZIP 和单独的 CSV 文件（{0}）</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="197"/>
        <source>columns {0}</source>
        <translation>列：{0}</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="203"/>
        <source>its header names a Goodreads export&apos;s columns (Book Id, My Rating, Exclusive Shelf)</source>
        <translation>表头列出了 Goodreads 导出的列（Book Id、My Rating、Exclusive Shelf）</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="207"/>
        <source>it has no header line, and its first line is a row in the shape of a Goodreads export ({0} columns: a Book Id, a rating of 0-5, dates, a shelf)</source>
        <translation>没有表头行，第一行是 Goodreads 导出的一行的样子（{0} 列：Book Id、0-5 的评分、日期、书架）</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="211"/>
        <source>its header names a StoryGraph export&apos;s columns (ISBN/UID, Read Status)</source>
        <translation>表头列出了 StoryGraph 导出的列（ISBN/UID、Read Status）</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="214"/>
        <source>its header names an IMDb export&apos;s columns (Const, Title Type)</source>
        <translation>表头列出了 IMDb 导出的列（Const、Title Type）</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="217"/>
        <source>its columns are those of a Douban export (the userscript&apos;s 标题/个人评分/条目链接, 豆伴&apos;s 标题/简介/我的评分, or doumark&apos;s star/star_time/card)</source>
        <translation>列是豆瓣导出的列（用户脚本的 标题/个人评分/条目链接、豆伴的 标题/简介/我的评分，或 doumark 的 star/star_time/card）</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="221"/>
        <source>a workbook with 豆伴&apos;s sheets (看过, 想看, 读过, ...)</source>
        <translation>含有豆伴工作表（看过、想看、读过……）的工作簿</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="223"/>
        <source>its header names LibraryThing&apos;s columns (Book Id, Primary Author, Collections, ISBNs)</source>
        <translation>表头列出了 LibraryThing 的列（Book Id、Primary Author、Collections、ISBNs）</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="226"/>
        <source>its JSON holds LibraryThing&apos;s books (books_id, primaryauthor, collections)</source>
        <translation>JSON 中是 LibraryThing 的书（books_id、primaryauthor、collections）</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="229"/>
        <source>the archive holds Trakt&apos;s JSON files (watched, ratings, watchlist)</source>
        <translation>压缩包中是 Trakt 的 JSON 文件（watched、ratings、watchlist）</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="232"/>
        <source>its JSON lists Trakt items (a movie, show or episode with Trakt, IMDb and TMDB ids)</source>
        <translation>JSON 列出的是 Trakt 条目（带 Trakt、IMDb 和 TMDB 编号的电影、剧集或单集）</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="235"/>
        <source>the archive holds Letterboxd&apos;s files (diary.csv, ratings.csv, watched.csv)</source>
        <translation>压缩包中是 Letterboxd 的文件（diary.csv、ratings.csv、watched.csv）</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="238"/>
        <source>no known export has these columns; they were found by name</source>
        <translation>没有已知的导出有这些列；列是按名称找到的</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="240"/>
        <source>named by --map</source>
        <translation>由 --map 指定</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="241"/>
        <source>as you asked</source>
        <translation>按你的指定</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="249"/>
        <source>the columns of Letterboxd&apos;s watched.csv and watchlist.csv; the name says neither, so it is read as watched (name it watchlist.csv if it is your watchlist)</source>
        <translation>Letterboxd 的 watched.csv 和 watchlist.csv 共有的列；文件名看不出是哪一个，所以按看过读取（如果是待看清单，请命名为 watchlist.csv）</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="253"/>
        <source>the columns of Letterboxd&apos;s watched.csv and watchlist.csv, named {0}</source>
        <translation>Letterboxd 的 watched.csv 和 watchlist.csv 共有的列，文件名含 {0}</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="256"/>
        <source>the columns of Letterboxd&apos;s liked films, named likes</source>
        <translation>Letterboxd 喜欢的电影的列，文件名含 likes</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="258"/>
        <source>the columns of Letterboxd&apos;s {0}.csv</source>
        <translation>Letterboxd 的 {0}.csv 的列</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="277"/>
        <source>{0}; {1}</source>
        <translation>{0}；{1}</translation>
    </message>
    <message>
        <location filename="../../app/gui/report_text.py" line="288"/>
        <source>generic</source>
        <translation>通用格式</translation>
    </message>
</context>
<context>
    <name>Runtime</name>
    <message>
        <location filename="../../app/gui/plain.py" line="103"/>
        <source>{0} min</source>
        <translation>{0}分钟</translation>
    </message>
    <message>
        <location filename="../../app/gui/plain.py" line="105"/>
        <source>{0} h</source>
        <translation>{0}小时</translation>
    </message>
    <message>
        <location filename="../../app/gui/plain.py" line="107"/>
        <source>{0} h {1} min</source>
        <translation>{0}小时{1}分钟</translation>
    </message>
</context>
<context>
    <name>SettingHelp</name>
    <message>
        <location filename="../../app/gui/setting_help.py" line="12"/>
        <source>sentence-transformers folder (&apos;&apos; = bundled all-MiniLM-L6-v2)</source>
        <translation>sentence-transformers 模型文件夹（留空 = 内置的 all-MiniLM-L6-v2）</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="13"/>
        <source>where models run: auto, cpu, cuda, mps</source>
        <translation>模型在哪里运行：自动、CPU、CUDA 显卡、Apple 显卡</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="14"/>
        <source>GGUF file of the explainer (&apos;&apos; = bundled Gemma 3 270M)</source>
        <translation>生成解释所用的 GGUF 文件（留空 = 内置的 Gemma 3 270M）</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="15"/>
        <source>auto (chat if the file has a chat template), completion or chat</source>
        <translation>自动（文件带对话模板时用对话）、续写或对话</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="16"/>
        <source>CPU threads for the explainer (0 = automatic)</source>
        <translation>生成解释所用的 CPU 线程数（0 = 自动）</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="17"/>
        <source>context size of the explainer, in tokens</source>
        <translation>生成解释的上下文长度（词元）</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="18"/>
        <source>layers offloaded to the GPU (-1 = all if llama.cpp can)</source>
        <translation>放到显卡上的层数（-1 = llama.cpp 能放多少放多少）</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="19"/>
        <source>sampling temperature of explanations</source>
        <translation>生成解释时的采样温度</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="20"/>
        <source>sampling seed of explanations</source>
        <translation>生成解释时的随机种子</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="21"/>
        <source>longest explanation, in tokens</source>
        <translation>解释的最大长度（词元）</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="22"/>
        <source>weight of text similarity to your history</source>
        <translation>与你历史的文本相似度的权重</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="23"/>
        <source>weight of what people who liked the same things also liked</source>
        <translation>同好（喜欢相同作品的人）也喜欢的作品的权重</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="24"/>
        <source>weight of popularity</source>
        <translation>热门程度的权重</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="25"/>
        <source>how much your own liking or dislike of popular titles moves the weight of popularity (0 = the same for everyone)</source>
        <translation>你对热门作品的喜好或反感在多大程度上调整热门程度的权重（0 = 对所有人相同）</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="26"/>
        <source>softmax temperature of P(i|u)</source>
        <translation>P(i|u) 的 softmax 温度</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="27"/>
        <source>recency half-life (days, or positions)</source>
        <translation>时间衰减的半衰期（天数或条目数）</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="28"/>
        <source>measure age in &apos;days&apos; before the latest entry or in &apos;position&apos;s from it</source>
        <translation>条目时长按距最新条目的“天数”或“条目数”计算</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="29"/>
        <source>share of an entry&apos;s weight that never decays (0-1)</source>
        <translation>条目权重中永不衰减的比例（0–1）</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="30"/>
        <source>text neighbours kept per history item (0 = all items)</source>
        <translation>每个历史条目保留的文本相似作品数（0 = 全部）</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="31"/>
        <source>extra weight of text similarity for items few people rated</source>
        <translation>对很少有人评分的作品，文本相似度的额外权重</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="32"/>
        <source>extra weight of text similarity while your history is short</source>
        <translation>你的历史还很短时，文本相似度的额外权重</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="33"/>
        <source>a rating this many of your standard deviations below your average counts as neutral</source>
        <translation>比你的平均分低这么多个标准差的评分算作中性</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="34"/>
        <source>weight of an entry without a rating</source>
        <translation>未评分条目的权重</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="35"/>
        <source>how much a did-not-finish entry counts against</source>
        <translation>未读完/未看完的条目的负面分量</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="36"/>
        <source>weight of an unrated entry on a shelf whose name says nothing</source>
        <translation>书架名称看不出含义的未评分条目的权重</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="37"/>
        <source>weight of a liked item as evidence</source>
        <translation>“喜欢”的作品作为依据的权重</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="38"/>
        <source>weight of an item saved for later (to read, to watch) as evidence of your taste</source>
        <translation>收藏待读、待看的作品作为你口味依据的分量</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="39"/>
        <source>weight of a disliked item as negative evidence</source>
        <translation>“不喜欢”的作品作为负面依据的权重</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="40"/>
        <source>score bonus of a liked item, in units of tau</source>
        <translation>“喜欢”的作品的加分（以 τ 为单位）</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="41"/>
        <source>score bonus of an item saved for later, in units of tau</source>
        <translation>“稍后再看”的作品的加分（以 τ 为单位）</translation>
    </message>
    <message>
        <location filename="../../app/gui/setting_help.py" line="42"/>
        <source>share of the evidence that what you ask for in words carries (0.5: as much as your history)</source>
        <translation>你用文字描述的内容在依据中所占的比例（0.5：与你的历史同等）</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="84"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="86"/>
        <source>Language model details</source>
        <translation>语言模型详细设置</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="90"/>
        <source>Download a model…</source>
        <translation>下载模型…</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="91"/>
        <source>The only thing Hearth ever fetches from the network, and only when you ask</source>
        <translation>这是 Hearth 唯一会从网络获取的内容，而且只在你要求时</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="94"/>
        <source>Advanced: how titles are ranked</source>
        <translation>高级：作品如何排序</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="97"/>
        <source>Reset ranking to defaults</source>
        <translation>排序参数恢复默认</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="101"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="104"/>
        <location filename="../../app/gui/pages/settings.py" line="106"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="107"/>
        <source>Language (after a restart)</source>
        <translation>语言（重启后生效）</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="108"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="148"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="153"/>
        <source>(bundled)</source>
        <translation>（内置）</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="158"/>
        <location filename="../../app/gui/pages/settings.py" line="176"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="158"/>
        <source>All that fit</source>
        <translation>尽可能全部</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="178"/>
        <source>NVIDIA GPU (CUDA)</source>
        <translation>NVIDIA 显卡 (CUDA)</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="179"/>
        <source>Apple GPU (MPS)</source>
        <translation>Apple 显卡 (MPS)</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="180"/>
        <source>Completion</source>
        <translation>续写</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="181"/>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="182"/>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="183"/>
        <source>Later entries</source>
        <translation>之后的条目数</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="188"/>
        <source>Embedding model</source>
        <translation>嵌入模型</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="189"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="190"/>
        <source>Language model</source>
        <translation>语言模型</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="191"/>
        <source>Prompt style</source>
        <translation>提示方式</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="192"/>
        <source>CPU threads</source>
        <translation>CPU 线程数</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="193"/>
        <source>Context size</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="194"/>
        <source>GPU layers</source>
        <translation>GPU 层数</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="195"/>
        <source>Writing temperature</source>
        <translation>生成温度</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="198"/>
        <source>How much similar text counts</source>
        <translation>相似文本的分量</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="199"/>
        <source>How much people with your taste count</source>
        <translation>同好喜好的分量</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="200"/>
        <source>How much popularity counts</source>
        <translation>热门程度的分量</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="201"/>
        <source>Adjust popularity to your taste</source>
        <translation>按你的口味调整热门程度</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="203"/>
        <source>How evenly chances spread</source>
        <translation>概率分布的均匀度</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="204"/>
        <source>Half-life of old entries</source>
        <translation>旧条目的半衰期</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="205"/>
        <source>Count an entry&apos;s age in</source>
        <translation>条目时长的计算单位</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="206"/>
        <source>Similar titles kept per entry</source>
        <translation>每个条目保留的相似作品数</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="209"/>
        <source>Neutral point below your average</source>
        <translation>中性评分低于平均分的程度</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="210"/>
        <source>Share that never fades</source>
        <translation>永不衰减的比例</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="211"/>
        <source>How much unrated entries count</source>
        <translation>未评分条目的分量</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="212"/>
        <source>How much unfinished counts against</source>
        <translation>未读完/未看完的负面分量</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="213"/>
        <source>How much other shelves count</source>
        <translation>其他书架的分量</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="214"/>
        <source>How much a like counts</source>
        <translation>“喜欢”的分量</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="215"/>
        <source>How much saved titles count</source>
        <translation>“收藏”的分量</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="216"/>
        <source>How much a dislike counts</source>
        <translation>“不喜欢”的分量</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="217"/>
        <source>Bonus for liked titles</source>
        <translation>喜欢作品的加分</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="218"/>
        <source>Bonus for saved titles</source>
        <translation>稍后再看作品的加分</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="219"/>
        <source>How much what you ask for counts</source>
        <translation>你所描述内容的分量</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="196"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="197"/>
        <source>Longest explanation (tokens)</source>
        <translation>解释最长长度（词元）</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="207"/>
        <source>Boost for rarely rated items</source>
        <translation>冷门条目加成</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="208"/>
        <source>Text boost for a short history</source>
        <translation>历史较短时文本相似度的加成</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="224"/>
        <source>Choose a GGUF model</source>
        <translation>选择 GGUF 模型</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/settings.py" line="226"/>
        <source>Choose a sentence-transformers folder</source>
        <translation>选择 sentence-transformers 文件夹</translation>
    </message>
</context>
<context>
    <name>ShareBars</name>
    <message>
        <location filename="../../app/gui/share_bars.py" line="78"/>
        <source>How popular it is</source>
        <translation>热门程度</translation>
    </message>
    <message>
        <location filename="../../app/gui/share_bars.py" line="80"/>
        <source>Your marks on it (like, dislike, save for later)</source>
        <translation>你对它的标记（喜欢、不喜欢、稍后再看）</translation>
    </message>
    <message>
        <location filename="../../app/gui/share_bars.py" line="82"/>
        <source>The rest of your history</source>
        <translation>你历史中的其他条目</translation>
    </message>
    <message>
        <location filename="../../app/gui/share_bars.py" line="84"/>
        <source>The words you typed: {0}</source>
        <translation>你输入的内容：{0}</translation>
    </message>
    <message>
        <location filename="../../app/gui/share_bars.py" line="86"/>
        <source>Your interest: {0}</source>
        <translation>你的兴趣：{0}</translation>
    </message>
    <message>
        <location filename="../../app/gui/share_bars.py" line="97"/>
        <source>What the match is made of</source>
        <translation>匹配度由什么构成</translation>
    </message>
</context>
<context>
    <name>StatsActions</name>
    <message>
        <location filename="../../app/gui/actions/stats.py" line="86"/>
        <source>Save the charts in</source>
        <translation>将图表保存到</translation>
    </message>
    <message>
        <location filename="../../app/gui/actions/stats.py" line="89"/>
        <source>Saved {0} charts in {1}</source>
        <translation>已将{0}张图表保存到{1}</translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="47"/>
        <location filename="../../app/gui/pages/stats.py" line="85"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="56"/>
        <location filename="../../app/gui/pages/stats.py" line="57"/>
        <source>The year before</source>
        <translation>前一年</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="61"/>
        <location filename="../../app/gui/pages/stats.py" line="62"/>
        <source>The year after</source>
        <translation>后一年</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="65"/>
        <source>Films or books</source>
        <translation>电影或书</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="66"/>
        <source>Films</source>
        <translation>电影</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="67"/>
        <source>Books</source>
        <translation>图书</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="69"/>
        <source>Save charts…</source>
        <translation>保存图表…</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="77"/>
        <source>Your year, in words</source>
        <translation>用文字描述你的一年</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="297"/>
        <source>{0} entries have no date: counted in the totals, in no year</source>
        <translation>{0}条记录没有日期：计入总数，不归入任何一年</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="303"/>
        <source>{0} in all</source>
        <translation>共{0}</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="309"/>
        <source>{0} pages</source>
        <translation>{0}页</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="140"/>
        <location filename="../../app/gui/pages/stats.py" line="271"/>
        <source>Nothing to count yet</source>
        <translation>还没有可以统计的内容</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="82"/>
        <source>Interests that grew or faded</source>
        <translation>增长或减少的兴趣</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="144"/>
        <source>Import a file…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="229"/>
        <source>Writing about {0}…</source>
        <translation>正在写{0}年的总结…</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="273"/>
        <source>Your history is empty. Import an export from Letterboxd, Goodreads, StoryGraph or IMDb: each film and book is counted in the year and the month you watched or read it, with your ratings, genres, directors and authors.</source>
        <translation>你的历史还是空的。导入 Letterboxd、Goodreads、StoryGraph 或 IMDb 的导出文件：每部电影和每本书都会算进你看或读它的那一年、那个月，连同你的评分、类型、导演和作者。</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="278"/>
        <source>No dates in your history</source>
        <translation>你的历史里没有日期</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="280"/>
        <source>Your history has {0} and {1}, but none of them has a date, so none belongs to a year. Entries you add by hand have no date; an export from Letterboxd, Goodreads, StoryGraph or IMDb gives each one the day you watched, read or rated it.</source>
        <translation>你的历史里有{0}和{1}，但都没有日期，所以无法归入任何一年。手动添加的记录没有日期；Letterboxd、Goodreads、StoryGraph 或 IMDb 的导出文件会给每条记录加上你看、读或评分的日期。</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="292"/>
        <source>{0}: {1} watched, {2} read</source>
        <translation>{0}年：看了{1}，读了{2}</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="294"/>
        <source>{0}: {1} read</source>
        <translation>{0}年：读了{1}</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="295"/>
        <source>{0}: {1} watched</source>
        <translation>{0}年：看了{1}</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="301"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="304"/>
        <source>{0} new, {1} rewatches</source>
        <translation>{0}次初看，{1}次重看</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="304"/>
        <source>{0} new, {1} re-reads</source>
        <translation>{0}次初读，{1}次重读</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="307"/>
        <source>busiest month: {0} ({1})</source>
        <translation>最多的月份：{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="311"/>
        <source>{0} watched</source>
        <translation>共看了{0}</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="312"/>
        <source>{0} over the {1} of known length</source>
        <translation>已知片长的{1}部共看了{0}</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="317"/>
        <source>{0} rated</source>
        <translation>{0}有评分</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="318"/>
        <source>average {0} of {1}★</source>
        <translation>平均{0}（满分{1}★）</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="319"/>
        <source>highest rated ({0}★):</source>
        <translation>最高分（{0}★）：</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="322"/>
        <source>no ratings this year</source>
        <translation>今年没有评分</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="325"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="327"/>
        <source>more than the year before: {0}</source>
        <translation>比前一年多：{0}</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="330"/>
        <source>less than the year before: {0}</source>
        <translation>比前一年少：{0}</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="332"/>
        <source>no genres known</source>
        <translation>没有已知类型</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="335"/>
        <source>longest: {0} ({1})</source>
        <translation>最长：{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="336"/>
        <source>shortest: {0} ({1})</source>
        <translation>最短：{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="338"/>
        <source>longest: {0} ({1} pages)</source>
        <translation>最长：{0}（{1}页）</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="339"/>
        <source>shortest: {0} ({1} pages)</source>
        <translation>最短：{0}（{1}页）</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="340"/>
        <source>no creators known</source>
        <translation>没有已知创作者</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="342"/>
        <source>no years known</source>
        <translation>没有已知年份</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="354"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="355"/>
        <source>Interests that grew since {0}: {1}</source>
        <translation>比{0}年增长的兴趣：{1}</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="356"/>
        <source>Interests that faded since {0}: {1}</source>
        <translation>比{0}年减少的兴趣：{1}</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="366"/>
        <source>Opening by the local language model, checked; the rest from your figures</source>
        <translation>开头由本地语言模型撰写并经过核对；其余来自你的数据</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/stats.py" line="367"/>
        <source>Built from your figures (template)</source>
        <translation>根据你的数据生成（模板）</translation>
    </message>
</context>
<context>
    <name>WelcomeActions</name>
    <message>
        <location filename="../../app/gui/actions/welcome.py" line="39"/>
        <source>Adding a sample profile…</source>
        <translation>正在添加示例档案…</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../app/gui/pages/welcome.py" line="21"/>
        <source>Welcome to Hearth</source>
        <translation>欢迎使用 Hearth</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/welcome.py" line="22"/>
        <source>Private recommendations for books and films. Tell Hearth what you have read or watched; everything stays on this computer.</source>
        <translation>私密的图书与电影推荐。告诉 Hearth 你读过或看过什么；所有数据都留在这台电脑上。</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/welcome.py" line="34"/>
        <source>Import a file (Goodreads, Letterboxd, StoryGraph, IMDb, CSV)…</source>
        <translation>导入文件（豆瓣、Goodreads、Letterboxd、StoryGraph、IMDb、CSV）…</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/welcome.py" line="36"/>
        <source>Pick titles from the catalogs</source>
        <translation>从目录中挑选作品</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/welcome.py" line="37"/>
        <source>Try a sample profile</source>
        <translation>试用示例档案</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/welcome.py" line="42"/>
        <source>…or say what you are in the mood for, e.g. cosy mysteries</source>
        <translation>……或者说说你想看什么，例如：温馨的推理故事</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/welcome.py" line="43"/>
        <source>What you are in the mood for</source>
        <translation>你想看的内容</translation>
    </message>
    <message>
        <location filename="../../app/gui/pages/welcome.py" line="44"/>
        <source>Show me</source>
        <translation>给我看看</translation>
    </message>
</context>
</TS>
