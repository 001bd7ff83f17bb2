pragma circom 2.1.0;

// A tiny circuit for NativeProverTest: two public signals (the output and x), a private y and z,
// products that make A, B and C rows with several terms, and a constant in a linear combination.
template ProverTiny() {
    signal input x;
    signal input y;
    signal input z;
    signal output out;

    signal t[4];
    t[0] <== x * y;
    t[1] <== (t[0] + z) * (x + 2 * y);
    t[2] <== t[1] * t[1];
    t[3] <== t[2] * y + 7;
    out <== t[3] * x;
}

component main {public [x]} = ProverTiny();
