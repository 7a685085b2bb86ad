/*
 * The dscover detection language (.det). Reference: docs/rules.md.
 *
 * Keywords are reserved as single words but dotted field names are one token (DOTTED), so a field
 * such as rule.name or email.from.address never collides with a keyword. Rule items may come in any
 * order: the validators, not the parser, say "a rule has one match clause", which reads better than
 * a syntax error.
 */
grammar Detection;

@parser::members {
    private boolean keywordMayBeAValue() {
        Token prev = _input.LT(-1);
        return prev == null || prev.getType() != COLON || _input.LT(1).getLine() == prev.getLine();
    }
}

file        : declaration* EOF ;
/** A value on its own: tunable overrides given on the command line. */
valueOnly   : (literal | listLiteral) EOF ;
declaration : importDecl | listDecl | macroDecl | ruleDecl ;

importDecl  : IMPORT string ;
listDecl    : LIST IDENT '=' listLiteral ;
macroDecl   : MACRO IDENT '=' expr ;
ruleDecl    : RULE IDENT '{' ruleItem* '}' ;

ruleItem
    : property
    | tunableDecl
    | matchClause
    | aggregateClause
    | sequenceClause
    | beaconClause
    | suppressClause
    | testBlock
    ;

property       : IDENT ':' propertyValue ;
propertyValue  : propertyScalar | '[' (propertyScalar (',' propertyScalar)*)? ','? ']' ;
propertyScalar : string | IDENT | TECHNIQUE | DOTTED | number | TRUE | FALSE | {keywordMayBeAValue()}? keyword ;
// header values are free words: 'status: test' must not trip over the keyword 'test'; but a keyword that
// starts the line after 'severity:' is the next item ('match', 'tunable'), and the value is missing
keyword
    : IMPORT | LIST | MACRO | RULE | TUNABLE | MATCH | WHERE | AND | OR | NOT | IN | CONTAINS | STARTSWITH | ENDSWITH
    | ICONTAINS | ISTARTSWITH | IENDSWITH | MATCHES | EXISTS | AGGREGATE | DISTINCT | AS | BY | WITHIN | HAVING
    | SEQUENCE | THEN | BEACON | MIN | SUPPRESS | FOR | TEST | EXPECT | FROM | EVERY
    ;

tunableDecl    : TUNABLE IDENT '=' (literal | listLiteral) ;

matchClause    : MATCH IDENT (WHERE expr)? ;

aggregateClause : AGGREGATE aggregateCall (AS IDENT)? (BY keys)? WITHIN value HAVING expr ;
aggregateCall   : fn=(IDENT | MIN) '(' DISTINCT? field? ')' ;

sequenceClause : SEQUENCE (BY keys)? WITHIN value step (THEN step)* ;
step           : '[' IDENT (WHERE expr)? ']' ;

beaconClause   : BEACON (BY keys)? WITHIN value (MIN value)? (HAVING expr)? ;
suppressClause : SUPPRESS (BY keys)? FOR value ;

keys  : field (',' field)* ;
value : literal | IDENT ;

testBlock   : TEST string EXPECT expectation (testEvents | FROM string) ;
expectation : compareOp? INT ;
testEvents  : '{' testEvent* '}' ;
testEvent   : IDENT repeat? '{' (testField (','? testField)*)? ','? '}' ;
repeat      : '*' INT (EVERY literal)? ;
testField   : field ':' testValue ;
testValue   : literal | listLiteral | range | PLUS literal ;

// Left-factored so every decision needs a token or two of lookahead: a predicate is a term and what
// follows it (a comparison, 'in', a string operator, or nothing). Alternatives that all began with a
// term made ANTLR scan whole function calls to choose, which cost most of a cold parse.
expr
    : NOT expr                                                   # notExpr
    | expr AND expr                                              # andExpr
    | expr OR expr                                               # orExpr
    | '(' expr ')'                                               # parenExpr
    | EXISTS '(' field ')'                                       # existsExpr
    | term predicateTail?                                        # predicateExpr
    ;

predicateTail
    : compareOp term                                             # compareTail
    | NOT? IN setRef                                             # inTail
    | NOT? stringOp term                                         # stringTail
    ;

compareOp : EQ | NE | LT | LE | GT | GE ;
stringOp  : CONTAINS | STARTSWITH | ENDSWITH | ICONTAINS | ISTARTSWITH | IENDSWITH | MATCHES ;

term
    : fn=(IDENT | MIN) '(' (term (',' term)*)? ')'               # callTerm
    | literal                                                    # literalTerm
    | DOTTED                                                     # fieldTerm
    | IDENT                                                      # nameTerm
    ;

setRef      : listLiteral | IDENT ;
listLiteral : '[' (listItem (',' listItem)*)? ','? ']' ;
listItem    : literal | range ;
range       : INT RANGE INT ;

field : DOTTED | IDENT ;

literal
    : string
    | number
    | TRUE
    | FALSE
    | IPV4
    | IPV4_CIDR
    | IPV6
    | IPV6_CIDR
    | DURATION
    | SIZE
    ;
number : MINUS? (INT | DECIMAL) ;
string : STRING | RAW_STRING ;

// ---------------------------------------------------------------- lexer

IMPORT     : 'import' ;
LIST       : 'list' ;
MACRO      : 'macro' ;
RULE       : 'rule' ;
TUNABLE    : 'tunable' ;
MATCH      : 'match' ;
WHERE      : 'where' ;
AND        : 'and' ;
OR         : 'or' ;
NOT        : 'not' ;
IN         : 'in' ;
CONTAINS   : 'contains' ;
STARTSWITH : 'startswith' ;
ENDSWITH   : 'endswith' ;
ICONTAINS  : 'icontains' ;
ISTARTSWITH: 'istartswith' ;
IENDSWITH  : 'iendswith' ;
MATCHES    : 'matches' ;
EXISTS     : 'exists' ;
AGGREGATE  : 'aggregate' ;
DISTINCT   : 'distinct' ;
AS         : 'as' ;
BY         : 'by' ;
WITHIN     : 'within' ;
HAVING     : 'having' ;
SEQUENCE   : 'sequence' ;
THEN       : 'then' ;
BEACON     : 'beacon' ;
MIN        : 'min' ;
SUPPRESS   : 'suppress' ;
FOR        : 'for' ;
TEST       : 'test' ;
EXPECT     : 'expect' ;
FROM       : 'from' ;
EVERY      : 'every' ;
TRUE       : 'true' ;
FALSE      : 'false' ;

EQ : '==' ;
NE : '!=' ;
LE : '<=' ;
GE : '>=' ;
LT : '<' ;
GT : '>' ;
RANGE : '..' ;
MINUS : '-' ;
PLUS  : '+' ;

// IPv6 before the number and name tokens: longest match decides, and an IPv6 literal always
// holds '::' or seven ':' so no name or number is mistaken for one.
IPV6_CIDR : IPV6_ADDR '/' DIGIT+ ;
IPV6      : IPV6_ADDR ;
IPV4_CIDR : IPV4_ADDR '/' DIGIT+ ;
IPV4      : IPV4_ADDR ;

DURATION : DIGIT+ ('.' DIGIT+)? ('ms' | 'us' | 'ns' | 's' | 'm' | 'h' | 'd') ;
SIZE     : DIGIT+ ('B' | 'KB' | 'MB' | 'GB' | 'TB' | 'KiB' | 'MiB' | 'GiB' | 'TiB') ;
DECIMAL  : DIGIT+ '.' DIGIT+ ;
INT      : DIGIT+ ;

TECHNIQUE : 'T' DIGIT DIGIT DIGIT DIGIT ('.' DIGIT DIGIT DIGIT)? ;
DOTTED    : NAME_PART ('.' NAME_PART)+ ;
IDENT     : NAME_PART ;

RAW_STRING : 'r"' ~["]* '"' ;
STRING     : '"' ( '\\' . | ~["\\\r\n] )* '"' ;
UNTERMINATED_STRING : '"' ( '\\' . | ~["\\\r\n] )* ;

LBRACE : '{' ;
RBRACE : '}' ;
LBRACK : '[' ;
RBRACK : ']' ;
LPAREN : '(' ;
RPAREN : ')' ;
COMMA  : ',' ;
COLON  : ':' ;
ASSIGN : '=' ;
STAR   : '*' ;

LINE_COMMENT  : ('#' | '//') ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
WS            : [ \t\r\n\f\u00A0\uFEFF]+ -> channel(HIDDEN) ;

// anything else: one token the parser reports as "unexpected character"
UNKNOWN_CHAR : . ;

fragment DIGIT     : [0-9] ;
fragment HEX       : [0-9a-fA-F] ;
fragment H16       : HEX HEX? HEX? HEX? ;
fragment NAME_PART : [a-zA-Z_] [a-zA-Z0-9_]* ;
fragment IPV4_ADDR : DIGIT+ '.' DIGIT+ '.' DIGIT+ '.' DIGIT+ ;
fragment IPV6_ADDR
    : H16 (':' H16) (':' H16) (':' H16) (':' H16) (':' H16) (':' H16) (':' H16)
    | (H16 (':' H16)*)? '::' (H16 (':' H16)*)? ('.' DIGIT+ '.' DIGIT+ '.' DIGIT+)?
    ;
