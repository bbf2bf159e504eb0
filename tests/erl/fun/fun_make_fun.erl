-module(fun_make_fun).
-export([main/0, id/1, add/2, zero/0]).

%% erlang:make_fun/3: export funs for any {M, F, A}, equal to fun M:F/A; calling them; badarg
%% for non-atoms and arities outside 0..255.
id(X) -> X.
add(A, B) -> A + B.
zero() -> 0.

t(F) -> try F() of V -> {ok, V} catch C:R:S -> {C, R, hd(S)} end.

main() ->
    Add = erlang:make_fun(?MODULE:id(?MODULE), ?MODULE:id(add), ?MODULE:id(2)),
    erlang:display(Add),
    erlang:display({Add(3, 4), Add =:= fun ?MODULE:add/2, Add == fun ?MODULE:add/2,
                    is_function(Add), is_function(Add, 2), is_function(Add, 1)}),
    Zero = erlang:make_fun(?MODULE, ?MODULE:id(zero), 0),
    erlang:display({Zero(), erlang:fun_info(Zero, arity), erlang:fun_info(Zero, module),
                    erlang:fun_info(Zero, name), erlang:fun_info(Zero, type)}),
    Rev = erlang:make_fun(lists, ?MODULE:id(reverse), 1),
    erlang:display({Rev([1, 2, 3]), lists:map(erlang:make_fun(erlang, abs, 1), [-1, 2, -3])}),
    erlang:display({apply(erlang:make_fun(erlang, '+', 2), [1, 2]), erlang:make_fun(a, b, 255)}),
    Missing = erlang:make_fun(?MODULE:id(no_such_module_xyz), foo, 1),
    erlang:display(Missing),
    erlang:display(t(fun() -> Missing(1) end)),
    erlang:display(t(fun() -> (erlang:make_fun(?MODULE, nope, 0))() end)),
    erlang:display(t(fun() -> Add(1) end)),
    Bad = [{?MODULE, add, -1}, {?MODULE, add, 256}, {?MODULE, add, 1 bsl 64}, {?MODULE, add, 2.0},
           {"m", add, 2}, {?MODULE, "add", 2}, {1, 2, 3}, {?MODULE, add, a}],
    [erlang:display(t(fun() -> erlang:make_fun(?MODULE:id(M), ?MODULE:id(F), ?MODULE:id(A)) end))
     || {M, F, A} <- Bad],
    ok.
