<#-- Weir's statement grammar, included into Calcite's Parser.jj. -->

/** Parses {@code SET}, {@code SET 'key' = 'value'}; {@code SET name = value} stays Calcite's SqlSetOption. */
SqlNode SqlWeirSet() :
{
    final Span s;
    final String key;
    final String value;
    final SqlIdentifier name;
    final SqlNode val;
}
{
    <SET> { s = span(); }
    (
        key = SimpleStringLiteral() <EQ> value = SimpleStringLiteral() {
            return new SqlSet(s.end(this), SqlLiteral.createCharString(key, s.pos()),
                SqlLiteral.createCharString(value, getPos()));
        }
    |
        name = CompoundIdentifier() <EQ>
        (
            val = Literal()
        |
            val = SimpleIdentifier()
        |
            <ON> { val = new SqlIdentifier(token.image.toUpperCase(Locale.ROOT), getPos()); }
        )
        {
            return new SqlSetOption(s.end(val), null, name, val);
        }
    |
        { return new SqlSet(s.end(this), null, null); }
    )
}

/** Parses {@code RESET}, {@code RESET 'key'}; {@code RESET name | ALL} stays Calcite's SqlSetOption. */
SqlNode SqlWeirReset() :
{
    final Span s;
    final String key;
    final SqlIdentifier name;
}
{
    <RESET> { s = span(); }
    (
        key = SimpleStringLiteral() {
            return new SqlReset(s.end(this), SqlLiteral.createCharString(key, getPos()));
        }
    |
        name = CompoundIdentifier() {
            return new SqlSetOption(s.end(name), null, name, null);
        }
    |
        <ALL> {
            return new SqlSetOption(s.end(this), null,
                new SqlIdentifier(token.image.toUpperCase(Locale.ROOT), getPos()), null);
        }
    |
        { return new SqlReset(s.end(this), null); }
    )
}

/** Parses SHOW TABLES | VIEWS | FUNCTIONS | JOBS | CHECKPOINTS 'job-id' | CREATE TABLE name | CREATE VIEW name. */
SqlNode SqlShow() :
{
    final Span s;
    final SqlIdentifier name;
    final String id;
}
{
    <SHOW> { s = span(); }
    (
        <TABLES> { return new SqlShowTables(s.end(this)); }
    |
        <VIEWS> { return new SqlShowViews(s.end(this)); }
    |
        <FUNCTIONS> { return new SqlShowFunctions(s.end(this)); }
    |
        <JOBS> { return new SqlShowJobs(s.end(this)); }
    |
        <CHECKPOINTS> id = SimpleStringLiteral()
        { return new SqlShowCheckpoints(s.end(this), SqlLiteral.createCharString(id, getPos())); }
    |
        <CREATE>
        (
            <TABLE> name = CompoundIdentifier() { return new SqlShowCreateTable(s.end(this), name); }
        |
            <VIEW> name = CompoundIdentifier() { return new SqlShowCreateView(s.end(this), name); }
        )
    )
}

/** Parses DESCRIBE | DESC [EXTENDED] name, and DESCRIBE | DESC JOB 'job-id'. */
SqlNode SqlRichDescribeTable() :
{
    final Span s;
    boolean extended = false;
    final SqlIdentifier name;
    final String id;
}
{
    ( <DESCRIBE> | <DESC> ) { s = span(); }
    (
        LOOKAHEAD(2) <JOB> id = SimpleStringLiteral()
        {
            return new SqlDescribeJob(s.end(this), SqlLiteral.createCharString(id, getPos()));
        }
    |
        [ LOOKAHEAD(2) <EXTENDED> { extended = true; } ]
        name = CompoundIdentifier()
        {
            return new SqlRichDescribeTable(s.end(this), name, extended);
        }
    )
}

/** Parses EXPLAIN [PLAN FOR] (query | insert | [EXECUTE] STATEMENT SET ... | EXECUTE INSERT ...). */
SqlNode SqlRichExplain() :
{
    final Span s;
    final SqlNode stmt;
}
{
    <EXPLAIN> { s = span(); }
    [ LOOKAHEAD(2) <PLAN> <FOR> ]
    (
        stmt = SqlExecute()
    |
        LOOKAHEAD(2) stmt = StatementSetBody(span())
    |
        stmt = SqlQueryOrDml()
    )
    {
        return new SqlRichExplain(s.end(this), stmt);
    }
}

/** Parses EXECUTE STATEMENT SET BEGIN insert; ... END, and EXECUTE INSERT (an ordinary insert). */
SqlNode SqlExecute() :
{
    final Span s;
    final SqlNode stmt;
}
{
    <EXECUTE> { s = span(); }
    (
        stmt = StatementSetBody(s)
    |
        stmt = SqlInsert()
    )
    {
        return stmt;
    }
}

SqlStatementSet StatementSetBody(Span s) :
{
    final List<SqlNode> inserts = new ArrayList<SqlNode>();
    SqlNode insert;
}
{
    <STATEMENT> <SET> <BEGIN>
    (
        insert = SqlInsert() <SEMICOLON> { inserts.add(insert); }
    )*
    <END>
    {
        return new SqlStatementSet(s.end(this), new SqlNodeList(inserts, s.pos()));
    }
}

/** Parses the marker BEGIN STATEMENT SET that opens a statement set in a script. */
SqlNode SqlBeginStatementSet() :
{
    final Span s;
}
{
    <BEGIN> { s = span(); } <STATEMENT> <SET>
    {
        return new SqlBeginStatementSet(s.end(this));
    }
}

/** Parses the marker END that closes a statement set in a script. */
SqlNode SqlEndStatementSet() :
{
}
{
    <END>
    {
        return new SqlEndStatementSet(getPos());
    }
}

/** Parses STOP JOB 'id' [WITH SAVEPOINT] [WITH DRAIN]. */
SqlNode SqlStopJob() :
{
    final Span s;
    final String id;
    final SqlParserPos idPos;
    boolean savepoint = false;
    boolean drain = false;
}
{
    <STOP> { s = span(); } <JOB>
    id = SimpleStringLiteral() { idPos = getPos(); }
    [ LOOKAHEAD(2) <WITH> <SAVEPOINT> { savepoint = true; } ]
    [ <WITH> <DRAIN> { drain = true; } ]
    {
        return new SqlStopJob(s.end(this), SqlLiteral.createCharString(id, idPos), savepoint, drain);
    }
}

/** Parses [TEMPORARY] TABLE ... or [TEMPORARY] VIEW ... after CREATE [OR REPLACE]. */
SqlCreate SqlCreateTableOrView(Span s, boolean replace) :
{
    boolean temporary = false;
    final SqlCreate create;
}
{
    [ <TEMPORARY> { temporary = true; } ]
    (
        create = SqlCreateTable(s, replace, temporary)
    |
        create = SqlCreateView(s, replace, temporary)
    )
    {
        return create;
    }
}

boolean IfNotExistsOpt() :
{
}
{
    LOOKAHEAD(3) <IF> <NOT> <EXISTS> { return true; }
|
    { return false; }
}

boolean IfExistsOpt() :
{
}
{
    LOOKAHEAD(2) <IF> <EXISTS> { return true; }
|
    { return false; }
}

SqlCharStringLiteral CommentLiteral() :
{
    final String text;
}
{
    <COMMENT> text = SimpleStringLiteral()
    {
        return SqlLiteral.createCharString(text, getPos());
    }
}

SqlCreate SqlCreateTable(Span s, boolean replace, boolean temporary) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    final TableElements elements = new TableElements();
    SqlCharStringLiteral comment = null;
    SqlNodeList partitionKeys = SqlNodeList.EMPTY;
    SqlNodeList tableOptions = SqlNodeList.EMPTY;
}
{
    <TABLE>
    ifNotExists = IfNotExistsOpt()
    name = CompoundIdentifier()
    <LPAREN>
    TableElement(elements)
    ( <COMMA> TableElement(elements) )*
    <RPAREN>
    [ comment = CommentLiteral() ]
    [ <PARTITIONED> <BY> partitionKeys = ParenthesizedSimpleIdentifierList() ]
    [ <WITH> tableOptions = TableOptions() ]
    {
        return new SqlCreateTable(s.end(this), name, elements, partitionKeys, tableOptions, comment,
            replace, temporary, ifNotExists);
    }
}

void TableElement(TableElements elements) :
{
}
{
    LOOKAHEAD(2) Watermark(elements)
|
    TableConstraint(elements)
|
    TableColumn(elements)
}

void Watermark(TableElements elements) :
{
    final Span s;
    final SqlIdentifier column;
    final SqlNode expr;
}
{
    <WATERMARK> { s = span(); } <FOR>
    column = CompoundIdentifier()
    <AS>
    expr = Expression(ExprContext.ACCEPT_NON_QUERY)
    {
        elements.addWatermark(new SqlWatermark(s.end(this), column, expr));
    }
}

/** Parses [CONSTRAINT name] PRIMARY KEY (cols) [NOT] ENFORCED, at table level. */
void TableConstraint(TableElements elements) :
{
    final Span s;
    SqlIdentifier constraintName = null;
    final SqlNodeList columns;
    final boolean enforced;
}
{
    { s = span(); }
    [ <CONSTRAINT> constraintName = SimpleIdentifier() ]
    <PRIMARY> <KEY>
    columns = ParenthesizedSimpleIdentifierList()
    enforced = EnforcedOpt()
    {
        elements.addPrimaryKey(new SqlPrimaryKey(s.end(this), constraintName, columns, enforced, false));
    }
}

/** Returns false for NOT ENFORCED, true for ENFORCED or nothing (which Weir rejects later). */
boolean EnforcedOpt() :
{
}
{
    <NOT> <ENFORCED> { return false; }
|
    <ENFORCED> { return true; }
|
    { return true; }
}

void TableColumn(TableElements elements) :
{
    final Span s;
    final SqlIdentifier name;
    final SqlNode expr;
    SqlDataTypeSpec type;
    SqlCharStringLiteral comment = null;
    SqlCharStringLiteral metadataKey = null;
    boolean virtual = false;
    SqlIdentifier constraintName = null;
    Span pkSpan = null;
    boolean enforced = true;
}
{
    name = SimpleIdentifier() { s = span(); }
    (
        <AS> expr = Expression(ExprContext.ACCEPT_NON_QUERY)
        [ comment = CommentLiteral() ]
        {
            elements.addColumn(new SqlComputedColumn(s.end(this), name, expr, comment));
        }
    |
        type = NestedDataType(true)
        (
            <METADATA>
            [ <FROM> metadataKey = MetadataKey() ]
            [ <VIRTUAL> { virtual = true; } ]
            [ comment = CommentLiteral() ]
            {
                elements.addColumn(new SqlMetadataColumn(s.end(this), name, type, metadataKey, virtual, comment));
            }
        |
            [
                { pkSpan = span(); }
                [ <CONSTRAINT> constraintName = SimpleIdentifier() ]
                <PRIMARY> <KEY>
                enforced = EnforcedOpt()
            ]
            [ comment = CommentLiteral() ]
            {
                if (pkSpan != null) {
                    elements.addPrimaryKey(new SqlPrimaryKey(pkSpan.end(this), constraintName,
                        new SqlNodeList(Collections.singletonList(name), name.getParserPosition()),
                        enforced, true));
                }
                elements.addColumn(new SqlRegularColumn(s.end(this), name, type, comment));
            }
        )
    )
}

SqlCharStringLiteral MetadataKey() :
{
    final String key;
}
{
    key = SimpleStringLiteral() { return SqlLiteral.createCharString(key, getPos()); }
}

SqlNodeList TableOptions() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
}
{
    <LPAREN> { s = span(); }
    [
        TableOption(list)
        ( <COMMA> TableOption(list) )*
    ]
    <RPAREN>
    {
        return new SqlNodeList(list, s.end(this));
    }
}

void TableOption(List<SqlNode> list) :
{
    final Span s;
    final String key;
    final SqlParserPos keyPos;
    final String value;
}
{
    key = SimpleStringLiteral() { s = span(); keyPos = getPos(); }
    <EQ>
    value = SimpleStringLiteral()
    {
        list.add(new SqlTableOption(s.end(this), SqlLiteral.createCharString(key, keyPos),
            SqlLiteral.createCharString(value, getPos())));
    }
}

SqlCreate SqlCreateView(Span s, boolean replace, boolean temporary) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    SqlNodeList columns = SqlNodeList.EMPTY;
    SqlCharStringLiteral comment = null;
    final SqlNode query;
}
{
    <VIEW>
    ifNotExists = IfNotExistsOpt()
    name = CompoundIdentifier()
    [ columns = ParenthesizedSimpleIdentifierList() ]
    [ comment = CommentLiteral() ]
    <AS>
    query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    {
        return new SqlCreateView(s.end(this), name, columns, query, comment, replace, temporary, ifNotExists);
    }
}

/** Parses [TEMPORARY] TABLE | VIEW [IF EXISTS] name after DROP. */
SqlDrop SqlDropTableOrView(Span s, boolean replace) :
{
    boolean temporary = false;
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    [ <TEMPORARY> { temporary = true; } ]
    (
        <TABLE> ifExists = IfExistsOpt() name = CompoundIdentifier() {
            return new SqlDropTable(s.end(this), name, ifExists, temporary);
        }
    |
        <VIEW> ifExists = IfExistsOpt() name = CompoundIdentifier() {
            return new SqlDropView(s.end(this), name, ifExists, temporary);
        }
    )
}

/**
 * A data type followed by an optional NULL / NOT NULL; without either it is nullable when
 * {@code defaultNullable}, as in Flink.
 */
SqlDataTypeSpec NestedDataType(boolean defaultNullable) :
{
    final SqlDataTypeSpec type;
    boolean nullable = defaultNullable;
}
{
    type = DataType()
    [
        <NULL> { nullable = true; }
    |
        <NOT> <NULL> { nullable = false; }
    ]
    {
        return type.withNullable(nullable, getPos());
    }
}

/** Flink's type names that Calcite lacks, and nested types whose parts carry their own nullability. */
SqlTypeNameSpec WeirTypeName() :
{
    final Span s;
    int precision = -1;
    SqlDataTypeSpec element;
    SqlDataTypeSpec value;
    final List<SqlIdentifier> fieldNames = new ArrayList<SqlIdentifier>();
    final List<SqlDataTypeSpec> fieldTypes = new ArrayList<SqlDataTypeSpec>();
}
{
    <STRING> { return new SqlAlienSystemTypeNameSpec("STRING", SqlTypeName.VARCHAR, getPos()); }
|
    <BYTES> { return new SqlAlienSystemTypeNameSpec("BYTES", SqlTypeName.VARBINARY, getPos()); }
|
    <TIMESTAMP_LTZ> { s = span(); }
    precision = PrecisionOpt()
    {
        return new SqlBasicTypeNameSpec(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, precision, s.end(this));
    }
|
    <ARRAY> { s = span(); } <LT> element = NestedDataType(true) <GT>
    {
        return new WeirCollectionTypeNameSpec(SqlTypeName.ARRAY, element, s.end(this));
    }
|
    <MULTISET> { s = span(); } <LT> element = NestedDataType(true) <GT>
    {
        return new WeirCollectionTypeNameSpec(SqlTypeName.MULTISET, element, s.end(this));
    }
|
    <MAP> { s = span(); } <LT> element = NestedDataType(true) <COMMA> value = NestedDataType(true) <GT>
    {
        return new WeirMapTypeNameSpec(element, value, s.end(this));
    }
|
    <ROW> { s = span(); }
    (
        <LT> RowFields(fieldNames, fieldTypes) <GT>
    |
        <LPAREN> RowFields(fieldNames, fieldTypes) <RPAREN>
    )
    {
        return new WeirRowTypeNameSpec(fieldNames, fieldTypes, s.end(this));
    }
}

void RowFields(List<SqlIdentifier> names, List<SqlDataTypeSpec> types) :
{
    SqlIdentifier name;
    SqlDataTypeSpec type;
}
{
    name = SimpleIdentifier() type = NestedDataType(true) { names.add(name); types.add(type); }
    (
        <COMMA> name = SimpleIdentifier() type = NestedDataType(true) { names.add(name); types.add(type); }
    )*
}
