pragma circom 2.1.0;

// A tiny test circuit for the JVM witness calculator (WitnessCalculatorTest); not part of the
// storage proof. Scalars, a 1-D and a 2-D input array (flattened row-major), multiplications,
// a hinted inverse constrained with ===, and a plain assert.

template Tiny(n, rows, cols) {
    signal input a;
    signal input b;
    signal input xs[n];
    signal input m[rows][cols];

    signal output ab;
    signal output dot;
    signal output weighted;

    // a != 0: the hinted inverse must satisfy inv * a === 1 ("Assert Failed" when a == 0)
    signal inv;
    inv <-- a != 0 ? 1 / a : 0;
    inv * a === 1;

    // a plain (unconstrained) assert on an input
    assert(b != 7);

    ab <== a * b;

    signal acc[n + 1];
    acc[0] <== 0;
    for (var i = 0; i < n; i++) {
        acc[i + 1] <== acc[i] + xs[i] * xs[i];
    }
    dot <== acc[n] * inv;

    signal cell[rows * cols + 1];
    cell[0] <== ab;
    for (var r = 0; r < rows; r++) {
        for (var c = 0; c < cols; c++) {
            cell[r * cols + c + 1] <== cell[r * cols + c] * m[r][c] + (r * cols + c + 1);
        }
    }
    weighted <== cell[rows * cols];
}

component main {public [a]} = Tiny(4, 2, 3);
