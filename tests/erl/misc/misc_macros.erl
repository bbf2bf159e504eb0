-module(misc_macros).
-export([main/0, id/1]).

%% Preprocessor features: macros with arguments, ?MODULE, ?LINE-free
%% constructs, conditional compilation, stringification (??Arg).
id(X) -> X.

-define(SQUARE(X), ((X) * (X))).
-define(PAIR(A, B), {A, B}).
-define(CONST, 42).
-define(STR(E), ??E).
-define(DEBUG, true).

-ifdef(DEBUG).
mode() -> debug.
-else.
mode() -> release.
-endif.

-ifndef(UNDEFINED_MACRO).
other() -> not_defined.
-endif.

main() ->
    X = ?MODULE:id(7),
    erlang:display({?SQUARE(X + 1), ?PAIR(a, ?CONST), ?MODULE, ?STR(1 + 2 * foo(bar))}),
    erlang:display({mode(), other(), ?MODULE_STRING, ?FUNCTION_NAME, ?FUNCTION_ARITY}),
    ok.
