// About 900 of the passwords most often seen in public breach lists, lower-case.
// Written into the code (no download at build or run time); checked by lib/auth/password-policy.ts.
const words = `
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123 football
monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael 654321 superman
1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm asdfgh hunter buster
soccer harley batman andrew tigger sunshine iloveyou 2000 charlie robert thomas hockey ranger daniel
starwars klaster 112233 george computer michelle jessica pepper 1111 zxcvbn 555555 11111111 131313 freedom
777777 pass maggie 159753 aaaaaa ginger princess joshua cheese amanda summer love ashley nicole chelsea
matthew access yankees 987654321 dallas austin thunder taylor matrix mobilemail mom monitor monitoring
montana moon moscow william corvette hello martin heather secret merlin diamond 1234qwer gfhjkm hammer
silver 222222 88888888 anthony justin test bailey q1w2e3r4t5 patrick internet scooter orange 11111 golfer
cookie richard samantha bigdog guitar jackson whatever mickey chicken sparky snoopy maverick phoenix camaro
peanut morgan welcome falcon cowboy ferrari samsung andrea smokey steelers joseph mercedes dakota arsenal
eagles melissa boomer booboo spider nascar monster tigers yellow xxxxxx 123123123 gateway marina diablo
bulldog qwer1234 compaq purple banana junior hannah 123654 porsche lakers iceman money cowboys 987654 london
tennis 999999 ncc1701 coffee scooby 0000 miller boston q1w2e3r4 brandon yamaha chester mother forever johnny
edward 333333 oliver redsox player nikita knight fender barney midnight please brandy chicago badboy slayer
rangers charles angel flower rabbit wizard jasper enter rachel chris steven winner adidas victoria natasha
1q2w3e4r jasmine winter prince marine ghbdtn fishing cocacola casper james 232323 raiders 888888 marlboro
gandalf asdfasdf crystal 87654321 12344321 golden 8675309 panther lauren angela thx1138 angels madison
winston shannon mike toyota jordan23 canada sophie apples tiger1 sexy nothing stupid 123abc qwe123 zaq12wsx
1q2w3e 1qaz2wsx3edc passw0rd p@ssw0rd p@ssword pa55word password1 password12 password123 password1234
password12345 password123456 passwordpassword letmein1 letmein123 welcome1 welcome123 welcome1234
welcome12345 admin admin1 admin123 admin1234 administrator root toor changeme changeme123 default guest
login login123 secret123 qwerty1 qwerty12 qwerty123 qwerty1234 qwertyuiop123 qwertyuiop1234 asdfghjkl
asdfghjkl123 zxcvbnm123 1qazxsw2 zaq1zaq1 zaq1xsw2 q1w2e3r4t5y6 1q2w3e4r5t 1q2w3e4r5t6y qazwsxedc
qazwsxedcrfv qwertyui qwertyuio abcdefg abcdefgh abcdefghi abcdefghij abcdefghijk abcdefghijkl abcd1234
a1b2c3d4 a1b2c3 aa123456 abc12345 abc123456 abcabc abcabcabc 1234abcd 123456a 123456q 1234567a 12345678a
123456789a a123456 a12345678 q123456 qq123456 123qweasd 123qweasdzxc qweasdzxc qweasd 1qaz@wsx 1qaz!qaz
!qaz2wsx 1234567890123 12345678901 123456789012 1234567891 12345678910 0123456789 9876543210 987654321012
123456123456 123123123123 112233445566 147258369 159357 147852369 741852963 963852741 147258 258369 789456
789456123 456789 456123 321321 102030 101010 111222 112211 121314 123654789 123789 124578 142536 147147
159159 159951 163264 192837465 246810 252525 256879 369369 420420 444444 456456 5201314 520520 616161 686868
753951 789789 852456 900000 909090 987456 989898 100200 1234561 12341234 11223344 1111111111 000000000
0000000000 1122334455 1231234 darkness devil digital dolphin doctor dreams dreamer eagle1 element elephant
eminem energy england enigma explorer express fantasy flower1 football1 forest friends friend frank freddy
gemini genesis ghost giants girls godzilla goodluck gordon green hacker hahaha happy happy123 harry hawaii
hello1 hello123 helpme hermes hockey1 hollywood honda hotdog house houston hunter1 hunter2 iloveu iloveyou1
iloveyou2 iloveyou123 jackie jaguar jake january jeremy jesus jesus1 jessie jimmy john jonathan juice
jupiter justice kevin kitten kitty lakers1 legend lemon letitbe liberty lifehack lincoln liverpool lovely
loveme lover lucky lucky1 lucky7 madonna magic maxwell melody metallica mexico michael1 mike123 minecraft
miracle money1 monkey1 monkey123 monday mustang1 mylove naruto nathan newyork nicholas ninja nirvana noodle
november october okay olivia online orange1 packers paladin pamela panda paradise paris parker passion
password2 password3 pass123 pass1234 passpass pepper1 peter phantom pokemon poohbear popcorn power precious
q1w2e3 qwaszx qwerty11 rainbow redskins robert1 rocket rockstar rocky ronaldo rosebud runner russia sabrina
sailor samuel sandra santa sarah saturn scorpion secret1 september serenity shadow1 shalom shelby silver1
simpsons skippy slipknot smile snowball soccer1 sophia spencer spiderman spring starlight starwars1 stella
strong success sugar summer1 sunflower sunshine1 super123 superman1 superstar sweet sweety sydney teacher
tester testing test123 test1234 thomas1 thunder1 tiffany tigger1 tinkerbell titanic tomcat topgun travis
trinity trouble turtle twilight unicorn united vanessa vampire victor victory viking voyager warrior water
welcome2 william1 wilson windows winter1 wolf wolverine xavier yankee yankees1 yellow1 zachary zeppelin
zombie asdf asdf1234 asdfg asdfgh1 asdfghj asdf123 zxcv zxcvb zxcvbnm1 qwert qwert123 qwertz qwertz123
azerty azerty123 azertyuiop qwertyqwerty trustno1trustno1 iloveyouiloveyou letmeinletmein welcomewelcome
passwordpass administrator1 adminadmin rootroot useruser user1234 username changemenow letmein12345
letmein1234 welcome2020 welcome2021 welcome2022 welcome2023 welcome2024 welcome2025 summer2020 summer2021
summer2022 summer2023 summer2024 summer2025 winter2020 winter2021 winter2022 winter2023 winter2024
winter2025 spring2024 autumn2024 fall2024 password2020 password2021 password2022 password2023 password2024
password2025 company company123 companyname corporate secure secure123 security security123 system system123
temp temp123 temppassword temporary newpassword newpass mypassword mypass yourpassword nopassword blank null
undefined qwerty123456 qwerty12345 1qaz2wsx3edc4rfv zaq12wsxcde3 1q2w3e4r5t6y7u8i q1w2e3r4t5y6u7i8 asdfqwer
qwerasdf asdfzxcv poiuytrewq lkjhgfdsa mnbvcxz ytrewq ytrewq123 iloveyou12 iloveyou1234 babygirl babygirl1
princess1 princess123 angel1 angel123 lovely1 loveyou loveyou1 imissyou hottie hotstuff football12
football123 baseball1 baseball123 basketball basketball1 soccer12 soccer123 hockey123 golf golfer1 tennis1
boxing chelsea1 arsenal1 liverpool1 manchester manutd barcelona realmadrid juventus ronaldo7 messi messi10
cristiano pokemon1 pikachu charizard mario nintendo playstation xbox360 gamer gaming warcraft starcraft
counterstrike fortnite roblox minecraft1 zelda halo batman1 superman12 spiderman1 ironman hulk thor avengers
marvel starwars12 yoda jedi skywalker vader matrix1 neo morpheus trinity1 gandalf1 frodo hobbit harrypotter
hogwarts dumbledore sherlock snoopy1 garfield scooby1 tweety mickeymouse minnie disney pooh winnie bambi
nemo simba elsa frozen chocolate chocolate1 cookie1 cupcake cheese1 pizza pizza123 burger banana1 apple
apple123 orange12 cherry strawberry peaches mango coconut pumpkin butter bubbles butterfly flowers daisy
rose tulip lily jasmine1 orchid violet purple1 blue blue123 red123 green1 black white silver123 gold golden1
diamond1 crystal1 pearl ruby emerald sapphire treasure money123 cash dollar rich millionaire billion
lucky123 chance fortune destiny karma faith hope blessed blessing god god123 jesus123 christ heaven angel12
amen church family family1 mommy mommy1 daddy daddy1 mother1 father brother sister baby baby123 babyboy kids
children grandma grandpa home house1 garden computer1 internet1 laptop desktop keyboard mouse monitor1
printer server network wireless wifi router cisco linux ubuntu windows1 microsoft apple1 google facebook
twitter instagram youtube yahoo hotmail gmail outlook email
`;

export const commonPasswords: ReadonlySet<string> = new Set(words.split(/\s+/).filter(Boolean));
