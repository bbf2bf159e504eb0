-module(bif_erlang_ops).
-export([main/0, id/1]).

%% Operators called as functions in module erlang (erlang:'+'/2 etc.),
%% including via fun references and apply.
id(X) -> X.

main() ->
    A = ?MODULE:id(7), B = ?MODULE:id(3),
    erlang:display({erlang:'+'(A, B), erlang:'-'(A, B), erlang:'*'(A, B), erlang:'/'(A, B), erlang:'div'(A, B), erlang:'rem'(A, B)}),
    erlang:display({erlang:'band'(A, B), erlang:'bor'(A, B), erlang:'bxor'(A, B), erlang:'bsl'(A, B), erlang:'bsr'(A, B), erlang:'bnot'(A)}),
    erlang:display({erlang:'=='(A, 7.0), erlang:'=:='(A, 7.0), erlang:'<'(A, B), erlang:'>='(A, B), erlang:'/='(A, B), erlang:'=/='(A, B), erlang:'=<'(A, A)}),
    erlang:display({erlang:'and'(true, false), erlang:'or'(true, false), erlang:'xor'(true, true), erlang:'not'(false)}),
    erlang:display({erlang:'++'([1], [2]), erlang:'--'([1, 2], [1]), erlang:'-'(A), erlang:'+'(A)}),
    Ops = [fun erlang:'+'/2, fun erlang:'*'/2, fun erlang:max/2, fun erlang:'-'/2],
    erlang:display([lists:foldl(Op, 1, [2, 3, 4]) || Op <- Ops]),
    erlang:display(apply(erlang, '>', [?MODULE:id(2), 1])),
    ok.
