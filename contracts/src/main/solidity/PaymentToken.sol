// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// The ERC-20 calls the marketplace makes (EIP-20).
interface IERC20 {
  event Transfer(address indexed from, address indexed to, uint256 value);
  event Approval(address indexed owner, address indexed spender, uint256 value);

  function totalSupply() external view returns (uint256);
  function balanceOf(address account) external view returns (uint256);
  function allowance(address owner, address spender) external view returns (uint256);
  function approve(address spender, uint256 amount) external returns (bool);
  function transfer(address to, uint256 amount) external returns (bool);
  function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

/// The payment and collateral token of local chains: a plain ERC-20 whose mint is open to anyone,
/// as the Codex TestToken's is (spec node.md §5.7), so a dev chain can fund its accounts.
contract PaymentToken is IERC20 {
  error PaymentToken_InsufficientBalance(address account, uint256 balance, uint256 needed);
  error PaymentToken_InsufficientAllowance(address spender, uint256 allowance, uint256 needed);
  error PaymentToken_ZeroAddress();

  string public constant name = "TestToken";
  string public constant symbol = "TST";
  uint8 public constant decimals = 18;

  uint256 public totalSupply;
  mapping(address => uint256) public balanceOf;
  mapping(address => mapping(address => uint256)) public allowance;

  function mint(address holder, uint256 amount) external {
    if (holder == address(0)) revert PaymentToken_ZeroAddress();
    totalSupply += amount;
    balanceOf[holder] += amount;
    emit Transfer(address(0), holder, amount);
  }

  function approve(address spender, uint256 amount) external returns (bool) {
    if (spender == address(0)) revert PaymentToken_ZeroAddress();
    allowance[msg.sender][spender] = amount;
    emit Approval(msg.sender, spender, amount);
    return true;
  }

  function transfer(address to, uint256 amount) external returns (bool) {
    _move(msg.sender, to, amount);
    return true;
  }

  function transferFrom(address from, address to, uint256 amount) external returns (bool) {
    uint256 allowed = allowance[from][msg.sender];
    if (allowed != type(uint256).max) {
      if (allowed < amount) revert PaymentToken_InsufficientAllowance(msg.sender, allowed, amount);
      allowance[from][msg.sender] = allowed - amount;
    }
    _move(from, to, amount);
    return true;
  }

  function _move(address from, address to, uint256 amount) private {
    if (to == address(0)) revert PaymentToken_ZeroAddress();
    uint256 balance = balanceOf[from];
    if (balance < amount) revert PaymentToken_InsufficientBalance(from, balance, amount);
    unchecked {
      balanceOf[from] = balance - amount;
    }
    balanceOf[to] += amount;
    emit Transfer(from, to, amount);
  }
}
