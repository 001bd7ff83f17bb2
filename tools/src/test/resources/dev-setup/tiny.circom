pragma circom 2.1.0;

// A hand-written circuit for the development-setup tests (CircuitsSetupTest): two public
// signals (an output and an input), a constant term, a repeated wire and a linear constraint.
template DevSetupTiny() {
    signal input a;
    signal input b;
    signal input c;
    signal output out;

    signal ab;
    ab <== a * b;
    signal abc;
    abc <== (ab + 2) * (c + a);
    out <== abc * abc + 5 * a - 7;
}

component main {public [a]} = DevSetupTiny();
