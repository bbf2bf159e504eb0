-module(misc_json_like).
-export([main/0, id/1]).

%% Serialise a nested term into a JSON-like string (string building,
%% escaping, recursion over mixed structures) and display it.
id(X) -> X.

enc(null) -> "null";
enc(true) -> "true";
enc(false) -> "false";
enc(N) when is_integer(N) -> integer_to_list(N);
enc(A) when is_atom(A) -> enc_str(atom_to_list(A));
enc({obj, KVs}) -> "{" ++ join([enc_str(atom_to_list(K)) ++ ":" ++ enc(V) || {K, V} <- KVs]) ++ "}";
enc({str, S}) -> enc_str(S);
enc(L) when is_list(L) -> "[" ++ join([enc(E) || E <- L]) ++ "]".

enc_str(S) -> [$" | esc(S)] ++ [$"].
esc([]) -> [];
esc([$" | T]) -> [$\\, $" | esc(T)];
esc([$\\ | T]) -> [$\\, $\\ | esc(T)];
esc([$\n | T]) -> [$\\, $n | esc(T)];
esc([C | T]) -> [C | esc(T)].

join([]) -> [];
join([X]) -> X;
join([X | T]) -> X ++ "," ++ join(T).

main() ->
    Doc = ?MODULE:id({obj, [{name, {str, "Widget \"Pro\""}}, {id, 1234567890123456789012},
                            {tags, [{str, "a"}, {str, "b\nc"}, ok]}, {nested, {obj, [{x, -1}, {y, null}, {z, [true, false, []]}]}},
                            {empty, {obj, []}}]}),
    S = enc(Doc),
    erlang:display(S),
    erlang:display(length(S)),
    ok.
