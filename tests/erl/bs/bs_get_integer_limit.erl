%% Matching an integer segment larger than erl's largest integer ((2^19 - 1) 64-bit limbs,
%% 33554368 bits) fails the match instead of building the integer; up to it, it matches.
-module(bs_get_integer_limit).
-export([main/0, id/1]).

id(X) -> X.

attempt(Bits, Signed) ->
    B = <<-1:Bits>>,
    try
        case Signed of
            false -> <<N:Bits>> = ?MODULE:id(B), {ok, N band 16#ff, N rem 1000};
            true -> <<N:Bits/signed>> = ?MODULE:id(B), {ok, N}
        end
    catch
        error:{badmatch, _} -> badmatch
    end.

main() ->
    Limit = ((1 bsl 19) - 1) * 64,
    [erlang:display({D, attempt(Limit + D, false)}) || D <- [-1, 0, 1, 64, 1000]],
    [erlang:display({D, attempt(Limit + D, true)}) || D <- [0, 1]],
    %% In a binary match with more segments after it.
    Bin = <<1:8, -1:(Limit + 8), 7:8>>,
    erlang:display(case ?MODULE:id(Bin) of
                       <<1:8, _:(Limit + 8), 7:8>> -> skipped_ok;
                       _ -> other
                   end),
    erlang:display(case ?MODULE:id(Bin) of
                       <<1:8, X:(Limit + 8), 7:8>> -> {matched, X band 1};
                       <<1:8, _/bits>> -> second_clause
                   end),
    ok.
